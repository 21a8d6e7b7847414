package dev.irctl.engine.iam;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.IamPort;
import dev.irctl.engine.port.ManagedPolicy;
import dev.irctl.engine.port.PolicyVersion;
import dev.irctl.engine.port.Principal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Reads what install-policy's plan needs from IAM, and no more. */
public final class PolicyReader {
  private PolicyReader() {}

  /** IAM calls of one plan in flight at once: a few principals, well under IAM's request rate. */
  static final int CALLS_IN_FLIGHT = 8;

  /** All missing principals named in one error, before any write. */
  private static void refuseMissing(List<Principal> missing) {
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

  /** What the plan saw: the policy, if any, and what each principal has attached. */
  public record Read(Optional<ActualPolicy> policy, Map<Principal, Set<String>> attached) {}

  /**
   * Every principal must exist, then the policy with its default document and versions, and each
   * principal's attachments (none are listed when there is no policy: it is attached nowhere).
   * Reads that do not wait for one another run at once: [GetRole/GetUser per principal ‖ GetPolicy]
   * → [GetPolicyVersion ‖ ListPolicyVersions ‖ ListAttached*Policies per principal], two calls in a
   * row where there were five. A missing principal is reported before anything the policy reads
   * say.
   */
  public static Read read(
      IamPort iam, Parallel parallel, List<Principal> principals, String policyArn) {
    CompletableFuture<Optional<ManagedPolicy>> found =
        parallel.fork(() -> iam.findPolicy(policyArn));
    requirePrincipals(iam, parallel, principals);
    Optional<ManagedPolicy> policy = Parallel.join(found);
    if (policy.isEmpty()) {
      return new Read(Optional.empty(), Map.of());
    }
    CompletableFuture<String> document =
        parallel.fork(() -> iam.policyDocument(policyArn, policy.get().defaultVersionId()));
    CompletableFuture<List<PolicyVersion>> versions =
        parallel.fork(() -> iam.policyVersions(policyArn));
    Map<Principal, Set<String>> attached = attachments(iam, parallel, principals);
    return new Read(
        Optional.of(
            new ActualPolicy(
                policy.get(),
                PolicyDocuments.parse(Parallel.join(document)),
                Parallel.join(versions))),
        attached);
  }

  private static void requirePrincipals(
      IamPort iam, Parallel parallel, List<Principal> principals) {
    List<Boolean> exist = parallel.map(principals, CALLS_IN_FLIGHT, iam::exists);
    List<Principal> missing = new java.util.ArrayList<>();
    for (int i = 0; i < principals.size(); i++) {
      if (!exist.get(i)) {
        missing.add(principals.get(i));
      }
    }
    refuseMissing(missing);
  }

  /** For each principal, the managed policies attached to it. */
  private static Map<Principal, Set<String>> attachments(
      IamPort iam, Parallel parallel, List<Principal> principals) {
    List<List<String>> arns = parallel.map(principals, CALLS_IN_FLIGHT, iam::attachedPolicyArns);
    Map<Principal, Set<String>> attached = new LinkedHashMap<>();
    for (int i = 0; i < principals.size(); i++) {
      attached.put(principals.get(i), new HashSet<>(arns.get(i)));
    }
    return attached;
  }
}
