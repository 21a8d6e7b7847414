package dev.irctl.engine.rules;

import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.RuleTarget;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What irctl's rules send to, in one place: an alerting rule targets its region's topic (with the
 * readable-message transformer when asked); a forwarder targets the hub region's default bus
 * through the forwarder role, with the event unmodified so the hub's rules match it. Pure.
 */
public final class RuleTargets {
  private RuleTargets() {}

  /**
   * The targets of each alerting rule in a region whose topic is {@code topicArn}: the topic, and
   * for a rule that watches irctl's own alerting the alert-path log group too ({@link
   * AlertPathTarget}).
   */
  public static Function<DesiredRule, List<RuleTarget>> alerting(
      String topicArn, MessageFormat format, Identity identity, String region) {
    return rule ->
        AlertPathTarget.withSecond(
            RuleTarget.of(
                RuleTarget.IRCTL_TARGET_ID,
                topicArn,
                format == MessageFormat.READABLE
                    ? Optional.of(ReadableMessage.transformer(rule))
                    : Optional.empty()),
            rule,
            identity,
            region);
  }

  /** The target of every forwarder: the hub's default bus, never transformed. */
  public static Function<DesiredRule, List<RuleTarget>> forwarding(
      Identity identity, String hubRegion) {
    List<RuleTarget> target =
        List.of(
            RuleTarget.bus(
                RuleTarget.HUB_TARGET_ID,
                hubBusArn(identity, hubRegion),
                forwarderRoleArn(identity)));
    return rule -> target;
  }

  public static String hubBusArn(Identity identity, String hubRegion) {
    return "arn:"
        + identity.partition()
        + ":events:"
        + hubRegion
        + ":"
        + identity.accountId()
        + ":event-bus/default";
  }

  public static String forwarderRoleArn(Identity identity) {
    return "arn:"
        + identity.partition()
        + ":iam::"
        + identity.accountId()
        + ":role/"
        + ForwarderRole.NAME;
  }
}
