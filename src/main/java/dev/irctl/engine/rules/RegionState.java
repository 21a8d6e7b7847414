package dev.irctl.engine.rules;

import dev.irctl.engine.port.KmsPort.KeyInfo;
import java.util.List;
import java.util.Optional;

/**
 * What the reader found in one region: the topic, the {@code irctl-}-prefixed rules, and the KMS
 * key facts.
 */
public record RegionState(
    Optional<ActualTopic> topic, List<ActualRule> rules, Optional<KeyFacts> key) {
  public RegionState {
    rules = List.copyOf(rules);
  }

  /** The --kms-key as KMS describes it, its policy, or why they could not be read. */
  public record KeyFacts(
      String keyId,
      Optional<KeyInfo> info,
      Optional<String> policy,
      Optional<String> problem,
      boolean missing) {}
}
