package dev.irctl.engine.iam;

import java.util.List;
import java.util.Optional;

/**
 * What install-policy did: {@code status} is created / updated / unchanged, "would be" created /
 * updated in a dry run, or failed with {@code error}; {@code done} are the changes made (all of
 * them unless it failed).
 */
public record InstallPolicyResult(
    String accountId,
    String policyArn,
    String status,
    List<PolicyChange> changes,
    List<PolicyChange> done,
    Optional<String> error) {
  public InstallPolicyResult {
    changes = List.copyOf(changes);
    done = List.copyOf(done);
  }

  public boolean failed() {
    return error.isPresent();
  }
}
