package dev.irctl.engine.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EventBridge rules on one event bus in one region. {@code bus} is a bus name; {@code default} is
 * the default bus.
 */
public interface EventBridgePort {
  /** The rules whose names start with {@code prefix} (ListRules with NamePrefix, every page). */
  List<BusRule> listRules(String bus, String prefix);

  /** Every rule on the bus whatever its name, with its pattern (the quota check counts them). */
  default List<BusRule> listAllRules(String bus) {
    return listRules(bus, "");
  }

  List<RuleTarget> listTargets(String bus, String ruleName);

  Map<String, String> tags(String ruleArn);

  /**
   * Creates or replaces the rule (PutRule replaces every field). {@code tags} are applied only when
   * the rule is created; existing rules are tagged with {@link #tagRule}. Returns the rule ARN.
   */
  String putRule(String bus, RuleDefinition rule, Map<String, String> tags);

  /**
   * Adds or replaces targets by id, at most 10 per call. Any entry AWS rejects (FailedEntryCount)
   * is an {@link AwsCallException} carrying AWS's error code and message.
   */
  void putTargets(String bus, String ruleName, List<RuleTarget> targets);

  /** Adds or overwrites these tags; other tags are left as they are. */
  void tagRule(String ruleArn, Map<String, String> tags);

  void removeTargets(String bus, String ruleName, List<String> targetIds);

  void deleteRule(String bus, String ruleName);

  /**
   * TestEventPattern: AWS's own matcher. The event needs id, account, source, time, region,
   * resources and detail-type.
   */
  boolean testEventPattern(String eventPattern, String event);

  /**
   * PutTargets with one event-bus target (another region's or account's bus) and the role
   * EventBridge assumes to put events there; any rejected entry is an {@link AwsCallException}.
   */
  void putBusTarget(String bus, String ruleName, BusTarget target);

  /** ListTargetsByRule, with each target's role and dead-letter queue. */
  List<TargetRoute> targetRoutes(String bus, String ruleName);

  /** The bus's resource policy (DescribeEventBus); empty when it has none. */
  java.util.Optional<String> busPolicy(String bus);

  /**
   * Replaces the bus's resource policy with {@code policy} (PutPermission with Policy): callers
   * send the existing policy with their statement merged in, so foreign statements stay.
   */
  void putBusPolicy(String bus, String policy);

  /** Removes one statement, by Sid, from the bus's policy (RemovePermission); the rest stays. */
  void removeBusPolicyStatement(String bus, String sid);

  record BusTarget(String id, String busArn, String roleArn) {}

  record TargetRoute(
      String id, String arn, Optional<String> roleArn, Optional<String> deadLetterArn) {}
}
