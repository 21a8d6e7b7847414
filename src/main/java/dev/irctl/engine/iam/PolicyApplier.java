package dev.irctl.engine.iam;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.port.IamPort;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a plan in its order: create or adopt the policy, make room for and create the new
 * default version, then attach. Stops at the first failure; {@link Failed} says what was already
 * done.
 */
public final class PolicyApplier {
  private PolicyApplier() {}

  public static void apply(IamPort iam, PolicyPlan plan) {
    List<PolicyChange> done = new ArrayList<>();
    for (PolicyChange change : plan.changes()) {
      try {
        applyOne(iam, plan.policyArn(), change);
      } catch (RuntimeException e) {
        throw new Failed(change, done, e);
      }
      done.add(change);
    }
  }

  private static void applyOne(IamPort iam, String policyArn, PolicyChange change) {
    if (change instanceof PolicyChange.CreatePolicy create) {
      iam.createPolicy(
          create.name(),
          GuardDutyAdminPolicy.DESCRIPTION,
          PolicyDocuments.compact(create.document()),
          Ownership.tags());
    } else if (change instanceof PolicyChange.AdoptPolicy) {
      iam.tagPolicy(policyArn, Ownership.tags());
    } else if (change instanceof PolicyChange.DeleteVersion delete) {
      iam.deletePolicyVersion(policyArn, delete.versionId());
    } else if (change instanceof PolicyChange.CreateDefaultVersion version) {
      iam.createDefaultVersion(policyArn, PolicyDocuments.compact(version.document()));
    } else if (change instanceof PolicyChange.Attach attach) {
      iam.attach(attach.principal(), policyArn);
    }
  }

  /** A change failed; the changes before it were made. */
  public static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PolicyChange failed;
    private final transient List<PolicyChange> done;

    Failed(PolicyChange failed, List<PolicyChange> done, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.failed = failed;
      this.done = List.copyOf(done);
    }

    public PolicyChange failedChange() {
      return failed;
    }

    public List<PolicyChange> done() {
      return done;
    }
  }
}
