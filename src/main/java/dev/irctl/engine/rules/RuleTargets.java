package dev.irctl.engine.rules;

import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.RuleTarget;
import java.util.Optional;
import java.util.function.Function;

/**
 * What irctl's rules send to, in one place: an alerting rule targets its region's topic (with the
 * readable-message transformer when asked); a forwarder targets the hub region's default bus
 * through the forwarder role, with the event unmodified so the hub's rules match it. Pure.
 */
public final class RuleTargets {
  private RuleTargets() {}

  /** The target of each alerting rule in a region whose topic is {@code topicArn}. */
  public static Function<DesiredRule, RuleTarget> alerting(String topicArn, MessageFormat format) {
    return rule ->
        RuleTarget.of(
            RuleTarget.IRCTL_TARGET_ID,
            topicArn,
            format == MessageFormat.READABLE
                ? Optional.of(ReadableMessage.transformer(rule))
                : Optional.empty());
  }

  /** The target of every forwarder: the hub's default bus, never transformed. */
  public static Function<DesiredRule, RuleTarget> forwarding(Identity identity, String hubRegion) {
    RuleTarget target =
        RuleTarget.bus(
            RuleTarget.HUB_TARGET_ID, hubBusArn(identity, hubRegion), forwarderRoleArn(identity));
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
