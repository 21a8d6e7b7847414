package dev.irctl.engine.rules;

import dev.irctl.engine.hub.AlertPathLogGroup;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.RuleTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides a rule's second target: a rule that watches irctl's own alerting
 * ({@code watchesAlertPath}) also delivers to the region's {@code /irctl/alert-path} log group, in
 * the rule's own region, whatever the first target is (the topic, or the hub's bus). The raw event
 * is logged (no transformer): it is evidence. No RoleArn: EventBridge authorises log targets by the
 * CloudWatch Logs resource policy only, and AWS says not to set one. Pure.
 */
public final class AlertPathTarget {
  private AlertPathTarget() {}

  public static Optional<RuleTarget> forRule(DesiredRule rule, Identity identity, String region) {
    if (!rule.watchesAlertPath()) {
      return Optional.empty();
    }
    return Optional.of(
        RuleTarget.of(
            RuleTarget.ALERT_PATH_TARGET_ID,
            AlertPathLogGroup.arn(identity.partition(), region, identity.accountId()),
            Optional.empty()));
  }

  /** {@code first} (the rule's alert target), then the alert-path target when the rule has one. */
  public static List<RuleTarget> withSecond(
      RuleTarget first, DesiredRule rule, Identity identity, String region) {
    List<RuleTarget> targets = new ArrayList<>();
    targets.add(first);
    forRule(rule, identity, region).ifPresent(targets::add);
    return targets;
  }
}
