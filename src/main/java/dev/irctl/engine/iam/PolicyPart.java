package dev.irctl.engine.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.IamPort;
import dev.irctl.engine.port.Principal;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.GlobalPart;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM policy that lets principals run GuardDuty, attached to them. Global: IAM has no regions.
 * Without principals the part is skipped.
 */
public final class PolicyPart extends GlobalPart {
  public static final String NAME = "iam";

  private final Optional<Request> request;

  /**
   * What to install: the policy's name, whom to attach it to, and whether to adopt a same-named
   * one.
   */
  public record Request(String policyName, List<Principal> principals, boolean adopt) {
    public Request {
      principals = List.copyOf(principals);
    }
  }

  /** What the plan saw: the policy (if any) and what each principal has attached. */
  public record Actual(Optional<ActualPolicy> policy, Map<String, Set<String>> attached) {}

  public PolicyPart(Optional<Request> request) {
    super(NAME);
    this.request = request;
  }

  public static DesiredPolicy desired(Identity identity, Request request) {
    return new DesiredPolicy(
        request.policyName(),
        GuardDutyAdminPolicy.policyArn(
            identity.partition(), identity.accountId(), request.policyName()),
        GuardDutyAdminPolicy.document(identity.partition(), identity.accountId()),
        request.principals(),
        request.adopt());
  }

  @Override
  public PartPlan plan(PartContext context) {
    if (request.isEmpty()) {
      return PartPlan.skipped("no principals named, so the IAM policy was not checked");
    }
    IamPort iam = context.ports().iam();
    DesiredPolicy desired = desired(context.identity(), request.get());
    PolicyReader.Read read =
        PolicyReader.read(iam, context.parallel(), desired.principals(), desired.arn());
    Optional<ActualPolicy> actual = read.policy();
    Map<Principal, Set<String>> attached = read.attached();
    PolicyPlan plan = PolicyPlanner.plan(desired, actual, attached);
    Map<String, Set<String>> seen = new java.util.TreeMap<>();
    attached.forEach((p, arns) -> seen.put(p.toString(), new java.util.TreeSet<>(arns)));
    return PartPlan.of(
        plan.changes(),
        new Actual(actual, seen),
        plan,
        Notes.ids(Map.of("policyArn", desired.arn())));
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    PolicyPlan policyPlan = (PolicyPlan) plan.detail();
    try {
      PolicyApplier.apply(context.ports().iam(), policyPlan);
      return Applied.of(policyPlan.changes().size(), List.of());
    } catch (PolicyApplier.Failed e) {
      boolean retryable =
          e.getCause() instanceof dev.irctl.engine.port.AwsCallException aws && aws.retryable();
      return Applied.of(
          e.done().size() + 1,
          List.of(
              e.failedChange().resource()
                  + ": "
                  + e.getMessage()
                  + " ("
                  + e.done().size()
                  + " of "
                  + policyPlan.changes().size()
                  + " changes were made before the failure)"),
          retryable);
    }
  }

  @Override
  public JsonNode desired() {
    return Fingerprint.JSON.valueToTree(request);
  }

  public static PolicyPart fromDesired(JsonNode desired) {
    return new PolicyPart(
        desired == null || desired.isNull()
            ? Optional.empty()
            : Optional.of(Fingerprint.JSON.convertValue(desired, Request.class)));
  }
}
