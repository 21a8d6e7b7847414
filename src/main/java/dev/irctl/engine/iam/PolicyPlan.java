package dev.irctl.engine.iam;

import java.util.List;

/**
 * What install-policy would do; no changes means the policy is in place and attached everywhere.
 */
public record PolicyPlan(String policyArn, List<PolicyChange> changes) {
  public PolicyPlan {
    changes = List.copyOf(changes);
  }

  public boolean inSync() {
    return changes.isEmpty();
  }
}
