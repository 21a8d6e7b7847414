package dev.irctl.engine.iam;

import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.IamPort;
import dev.irctl.engine.port.ManagedPolicy;
import dev.irctl.engine.port.Principal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads what install-policy's plan needs from IAM, and no more. */
public final class PolicyReader {
  private PolicyReader() {}

  /**
   * Every named principal must exist; all missing ones are named in one error, before any write.
   */
  public static void requirePrincipals(IamPort iam, List<Principal> principals) {
    List<Principal> missing = principals.stream().filter(p -> !iam.exists(p)).toList();
    if (missing.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    for (Principal principal : missing) {
      message
          .append("No IAM ")
          .append(principal.kind().label())
          .append(" named '")
          .append(principal.name())
          .append("' in this account. ");
    }
    message.append("Names are case-sensitive and without path or ARN; nothing was changed.");
    throw new PlanConflictException(message.toString());
  }

  /** The policy with its default document and versions; empty when there is none at that ARN. */
  public static Optional<ActualPolicy> readPolicy(IamPort iam, String policyArn) {
    Optional<ManagedPolicy> policy = iam.findPolicy(policyArn);
    if (policy.isEmpty()) {
      return Optional.empty();
    }
    String document = iam.policyDocument(policyArn, policy.get().defaultVersionId());
    return Optional.of(
        new ActualPolicy(
            policy.get(), PolicyDocuments.parse(document), iam.policyVersions(policyArn)));
  }

  /** For each principal, the managed policies attached to it. */
  public static Map<Principal, Set<String>> attachments(IamPort iam, List<Principal> principals) {
    Map<Principal, Set<String>> attached = new LinkedHashMap<>();
    for (Principal principal : principals) {
      attached.put(principal, new HashSet<>(iam.attachedPolicyArns(principal)));
    }
    return attached;
  }
}
