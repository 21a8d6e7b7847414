package dev.irctl.engine.rules;

import java.util.List;
import java.util.Optional;

/**
 * The alert topic irctl wants in every region: its name, an optional KMS key and the subscriptions.
 */
public record TopicSpec(
    String name, Optional<String> kmsKey, List<SubscriptionSpec> subscriptions) {
  public static final String DEFAULT_NAME = "irctl-alerts";

  public TopicSpec {
    subscriptions = List.copyOf(subscriptions);
  }
}
