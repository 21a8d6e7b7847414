package dev.irctl.engine.port;

import java.util.Map;

/** A customer-managed policy as GetPolicy describes it. */
public record ManagedPolicy(
    String arn, String name, String defaultVersionId, Map<String, String> tags) {
  public ManagedPolicy {
    tags = Map.copyOf(tags);
  }
}
