package dev.irctl.engine.delivery;

import static dev.irctl.engine.delivery.DeliveryFinding.broken;
import static dev.irctl.engine.delivery.DeliveryFinding.warn;

import dev.irctl.engine.port.EventBridgePort.TargetRoute;
import java.util.ArrayList;
import java.util.List;

/** The rules' side of the path: failed deliveries and how targets are configured. Pure. */
final class RuleChecks {
  private RuleChecks() {}

  static List<DeliveryFinding> failedInvocations(RegionFacts facts) {
    List<DeliveryFinding> findings = new ArrayList<>();
    for (RegionFacts.RuleFacts rule : facts.rules()) {
      if (rule.failedInvocations() > 0) {
        findings.add(
            broken(
                FindingKind.FAILED_INVOCATIONS,
                "rule "
                    + rule.name()
                    + " failed to deliver "
                    + Math.round(rule.failedInvocations())
                    + " time(s) in the last 24 hours: those alerts are lost",
                "Fix the target's permissions (topic policy, key policy) and add a dead-letter"
                    + " queue to keep what fails."));
      }
    }
    return findings;
  }

  static List<DeliveryFinding> targets(RegionFacts facts) {
    List<DeliveryFinding> findings = new ArrayList<>();
    List<String> withoutDlq = new ArrayList<>();
    for (RegionFacts.RuleFacts rule : facts.rules()) {
      for (TargetRoute target : rule.targets()) {
        if (!target.id().startsWith("irctl-")) {
          continue;
        }
        if (target.deadLetterArn().isEmpty()) {
          withoutDlq.add(rule.name() + "/" + target.id());
        }
        if (target.arn().contains(":sns:") && target.roleArn().isPresent()) {
          findings.add(
              warn(
                  FindingKind.TOPIC_TARGET_WITH_ROLE,
                  "target "
                      + target.id()
                      + " of "
                      + rule.name()
                      + " is a topic with a RoleArn: AWS warns delivery may fail, above all to"
                      + " KMS-encrypted topics",
                  "Remove the RoleArn: topic targets are authorised by the topic policy."));
        }
      }
    }
    if (!withoutDlq.isEmpty()) {
      findings.add(
          warn(
              FindingKind.TARGET_WITHOUT_DEAD_LETTER_QUEUE,
              withoutDlq.size()
                  + " irctl target(s) have no dead-letter queue: after 24 h of retries EventBridge"
                  + " drops what it could not deliver ("
                  + some(withoutDlq)
                  + ")",
              "Give each target an SQS dead-letter queue so failed alerts are kept."));
    }
    return findings;
  }

  /** Enough to show: a catalog's worth of targets would make the finding unreadable. */
  static final int NAMES_SHOWN = 3;

  /** The first {@link #NAMES_SHOWN} names, and how many more. */
  static String some(List<String> names) {
    if (names.size() <= NAMES_SHOWN) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, NAMES_SHOWN))
        + " and "
        + (names.size() - NAMES_SHOWN)
        + " more";
  }
}
