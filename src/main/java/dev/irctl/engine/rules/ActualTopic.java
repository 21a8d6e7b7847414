package dev.irctl.engine.rules;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.port.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The alert topic as it exists: attributes (Policy, KmsMasterKeyId), tags and subscriptions. */
public record ActualTopic(
    String arn,
    Map<String, String> attributes,
    Map<String, String> tags,
    List<Subscription> subscriptions) {
  public ActualTopic {
    attributes = Map.copyOf(attributes);
    tags = Map.copyOf(tags);
    subscriptions = List.copyOf(subscriptions);
  }

  public Optional<String> policy() {
    return Optional.ofNullable(attributes.get("Policy"));
  }

  public Optional<String> kmsKey() {
    return Optional.ofNullable(attributes.get("KmsMasterKeyId")).filter(k -> !k.isEmpty());
  }

  public boolean createdByIrctl() {
    return Ownership.taggedByIrctl(tags);
  }
}
