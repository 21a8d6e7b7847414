package dev.irctl.engine.iam;

import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.Ports;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * install-policy: one global pass (IAM has no regions). Reads the account, checks every principal
 * exists, reads the policy and attachments, plans, and unless a dry run applies.
 */
public final class InstallPolicy {
  private final Ports ports;

  public InstallPolicy(Ports ports) {
    this.ports = ports;
  }

  public record Request(
      String policyName, List<Principal> principals, boolean adopt, boolean dryRun) {
    public Request {
      principals = List.copyOf(principals);
    }
  }

  public InstallPolicyResult run(Request request) {
    Identity identity = ports.account().identity();
    var iam = ports.iam();
    DesiredPolicy desired =
        new DesiredPolicy(
            request.policyName(),
            GuardDutyAdminPolicy.policyArn(
                identity.partition(), identity.accountId(), request.policyName()),
            GuardDutyAdminPolicy.document(identity.partition(), identity.accountId()),
            request.principals(),
            request.adopt());
    PolicyReader.requirePrincipals(iam, desired.principals());
    Optional<ActualPolicy> actual = PolicyReader.readPolicy(iam, desired.arn());
    // A policy that does not exist is attached nowhere: no need to list attachments.
    Map<Principal, Set<String>> attached =
        actual.isPresent() ? PolicyReader.attachments(iam, desired.principals()) : Map.of();
    PolicyPlan plan = PolicyPlanner.plan(desired, actual, attached);
    if (request.dryRun() || plan.inSync()) {
      String status = plan.inSync() ? "unchanged" : "would be " + outcome(plan);
      return new InstallPolicyResult(
          identity.accountId(), desired.arn(), status, plan.changes(), List.of(), Optional.empty());
    }
    try {
      PolicyApplier.apply(iam, plan);
    } catch (PolicyApplier.Failed e) {
      return new InstallPolicyResult(
          identity.accountId(),
          desired.arn(),
          "failed",
          plan.changes(),
          e.done(),
          Optional.of(e.getMessage()));
    }
    return new InstallPolicyResult(
        identity.accountId(),
        desired.arn(),
        outcome(plan),
        plan.changes(),
        plan.changes(),
        Optional.empty());
  }

  private static String outcome(PolicyPlan plan) {
    return plan.changes().stream().anyMatch(c -> c instanceof PolicyChange.CreatePolicy)
        ? "created"
        : "updated";
  }
}
