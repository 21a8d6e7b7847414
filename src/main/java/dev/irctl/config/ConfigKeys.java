package dev.irctl.config;

import dev.irctl.config.ConfigKey.ValueType;
import java.util.List;
import java.util.Optional;

/**
 * Every key irctl.yaml may hold. One table, so the file reference in README cannot drift from the
 * code.
 */
public final class ConfigKeys {
  static final List<ConfigKey> ALL =
      List.of(
          ConfigKey.of("profile", ValueType.STRING, "--profile"),
          ConfigKey.of("regions", ValueType.REGIONS, "--region", "--all-regions"),
          ConfigKey.of("endpointUrl", ValueType.STRING, "--endpoint-url"),
          ConfigKey.of("concurrency", ValueType.INTEGER, "--concurrency"),
          ConfigKey.of("guardduty.findingFrequency", ValueType.STRING, "--finding-frequency"),
          ConfigKey.of("guardduty.features", ValueType.SWITCHES, "--feature", "--no-feature"),
          ConfigKey.of("guardduty.threatIntelSets", ValueType.STRING_LIST, "--threat-intel-set"),
          ConfigKey.of("guardduty.trustedIpSets", ValueType.STRING_LIST, "--trusted-ip-set"),
          ConfigKey.of("rules.catalogs", ValueType.STRING_LIST, "--catalog"),
          ConfigKey.of("rules.bundled", ValueType.BOOLEAN, null, "--no-bundled"),
          ConfigKey.of("rules.include", ValueType.STRING_LIST, "--rule"),
          ConfigKey.of("rules.exclude", ValueType.STRING_LIST, "--exclude"),
          ConfigKey.of("rules.categories", ValueType.STRING_LIST, "--category"),
          ConfigKey.of("rules.parameters", ValueType.PARAMETERS, "--set"),
          ConfigKey.of("rules.topicName", ValueType.STRING, "--topic-name"),
          ConfigKey.of("rules.subscriptions", ValueType.STRING_LIST, "--subscribe"),
          ConfigKey.of("rules.messageFormat", ValueType.STRING, "--message-format"),
          ConfigKey.of("rules.eventBus", ValueType.STRING, "--event-bus"),
          ConfigKey.of("rules.kmsKey", ValueType.STRING, "--kms-key"),
          ConfigKey.of("rules.prune", ValueType.BOOLEAN, "--prune"),
          ConfigKey.of("alerts.hubRegion", ValueType.STRING, "--hub-region"),
          ConfigKey.of("iam.policyName", ValueType.STRING, "--policy-name"),
          ConfigKey.of("iam.roles", ValueType.STRING_LIST, "--role"),
          ConfigKey.of("iam.groups", ValueType.STRING_LIST, "--group"),
          ConfigKey.of("iam.users", ValueType.STRING_LIST, "--user"));

  private ConfigKeys() {}

  static Optional<ConfigKey> find(String path) {
    return ALL.stream().filter(k -> k.path().equals(path)).findFirst();
  }

  /** Sections that hold keys, e.g. {@code guardduty}. */
  static boolean isSection(String path) {
    return ALL.stream().anyMatch(k -> k.path().startsWith(path + "."));
  }
}
