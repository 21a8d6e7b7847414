package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Input;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.hub.ForwarderRules;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.rules.RegionState.KeyFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** apply-rules' plan for one region from the request and what the reader found. Pure. */
public final class RegionPlanner {
  private RegionPlanner() {}

  public static String topicArn(Identity identity, String region, String topicName) {
    return "arn:"
        + identity.partition()
        + ":sns:"
        + region
        + ":"
        + identity.accountId()
        + ":"
        + topicName;
  }

  public static RegionPlan plan(
      String region, ApplyRulesRequest request, Identity identity, RegionState state) {
    return plan(region, request, identity, state, false);
  }

  /**
   * {@code carried}: the region was not chosen and {@code request} holds only the sign-in rules
   * carried there, which always forward (see {@link ApplyRulesRequest#carriedTo}).
   */
  static RegionPlan plan(
      String region,
      ApplyRulesRequest request,
      Identity identity,
      RegionState state,
      boolean carried) {
    if (request.forwards(region)) {
      return ForwardingPlanner.plan(region, request, identity, state, carried);
    }
    String topicArn = topicArn(identity, region, request.topic().name());
    ObjectNode statement = SnsTopicPolicy.statement(topicArn, identity, region, request.bus());
    TopicPlanner.Result topic =
        TopicPlanner.plan(topicArn, request.topic(), state.topic(), statement);
    List<DesiredRule> desired = request.alertingRulesIn(region);
    Replaced replaced =
        Replaced.of(
            state.rules(),
            desired,
            rule -> ForwarderRules.isForwarder(rule.name()),
            request.hubRegion().isPresent()
                ? "replaced: the hub region receives its events directly"
                : "replaced: this region's rules alert to its own topic again (no hub region)");
    RulePlanner.Result rules =
        RulePlanner.plan(
            desired,
            replaced.rest(),
            RuleTargets.alerting(topicArn, request.messageFormat(), identity, region),
            request.prune(),
            java.util.Set.copyOf(request.keptIds()));
    List<String> warnings = new ArrayList<>(rules.warnings());
    warnings.addAll(replaced.warnings());
    state.key().flatMap(RegionPlanner::keyWarning).ifPresent(warnings::add);
    List<RuleChange> ruleChanges = new ArrayList<>(replaced.deletes());
    ruleChanges.addAll(rules.changes());
    return new RegionPlan(
        region,
        topicArn,
        topic.changes(),
        ruleChanges,
        rules.unchanged(),
        rules.orphans(),
        topic.pendingSubscriptions(),
        warnings,
        rules.unconfirmed());
  }

  /**
   * A missing key stops the region (the topic would be unusable); a key EventBridge may not use is
   * a loud warning.
   */
  static Optional<String> keyWarning(KeyFacts key) {
    if (key.missing()) {
      throw new PlanConflictException(
          Input.KMS_KEY,
          " "
              + key.keyId()
              + " was not found in this region ("
              + key.problem().orElse("")
              + "). Nothing was changed in this region.");
    }
    if (key.problem().isPresent()) {
      return Optional.of(
          "could not check that EventBridge may use the topic's KMS key "
              + key.keyId()
              + " ("
              + key.problem().get()
              + "); make sure its policy allows events.amazonaws.com kms:Decrypt and kms:GenerateDataKey*.");
    }
    if (key.info().map(i -> i.awsManaged()).orElse(false)) {
      return Optional.of(
          "the topic's KMS key "
              + key.keyId()
              + " is an AWS managed key: its policy cannot allow events.amazonaws.com, so EventBridge cannot publish to"
              + " the topic and alerts will be lost silently. Use a customer managed key.");
    }
    String arn = key.info().map(i -> i.arn()).orElse(key.keyId());
    return key.policy().flatMap(p -> KeyPolicyCheck.warning(arn, p));
  }
}
