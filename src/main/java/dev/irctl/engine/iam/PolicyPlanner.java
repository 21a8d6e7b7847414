package dev.irctl.engine.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.Input;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.PolicyVersion;
import dev.irctl.engine.port.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Desired and actual policy in, the changes that close the gap out. Pure: no AWS calls. */
public final class PolicyPlanner {
  /** IAM's limit on versions of one managed policy. */
  public static final int MAX_VERSIONS = 5;

  private PolicyPlanner() {}

  /**
   * @param attached for each desired principal, the ARNs of the managed policies attached to it
   * @throws PlanConflictException when a policy of that name exists, is not irctl's, and adopting
   *     was not asked
   */
  public static PolicyPlan plan(
      DesiredPolicy desired, Optional<ActualPolicy> actual, Map<Principal, Set<String>> attached) {
    List<PolicyChange> changes = new ArrayList<>();
    if (actual.isEmpty()) {
      changes.add(new PolicyChange.CreatePolicy(desired.name(), desired.document()));
    } else {
      ownership(desired, actual.get()).ifPresent(changes::add);
      changes.addAll(documentChanges(desired, actual.get()));
    }
    for (Principal principal : desired.principals()) {
      if (!attached.getOrDefault(principal, Set.of()).contains(desired.arn())) {
        changes.add(new PolicyChange.Attach(principal, desired.name()));
      }
    }
    return new PolicyPlan(desired.arn(), changes);
  }

  private static Optional<PolicyChange> ownership(DesiredPolicy desired, ActualPolicy actual) {
    if (Ownership.taggedByIrctl(actual.policy().tags())) {
      return Optional.empty();
    }
    if (!desired.adopt()) {
      throw new PlanConflictException(
          "Policy "
              + desired.arn()
              + " exists but was not created by irctl (no tag managed-by=irctl), so irctl leaves it alone."
              + " Pass "
              + Input.POLICY_NAME.ref()
              + " NAME to install under another name, or "
              + Input.ADOPT.ref()
              + " to take it over"
              + " (irctl adds its statements in a new default version and keeps the policy's own).");
    }
    return Optional.of(new PolicyChange.AdoptPolicy(desired.arn(), desired.name()));
  }

  private static List<PolicyChange> documentChanges(DesiredPolicy desired, ActualPolicy actual) {
    // Statements irctl did not write stay: the new version is irctl's statements plus theirs.
    JsonNode target = ForeignStatements.keep(desired.document(), actual.defaultDocument());
    if (PolicyDocuments.equivalent(actual.defaultDocument(), target)) {
      return List.of();
    }
    List<PolicyChange> changes = new ArrayList<>();
    if (actual.versions().size() >= MAX_VERSIONS) {
      PolicyVersion oldest =
          actual.versions().stream()
              .filter(v -> !v.isDefault())
              .min(
                  Comparator.comparing(PolicyVersion::created)
                      .thenComparing(PolicyVersion::versionId))
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "a policy at the version limit has non-default versions"));
      changes.add(
          new PolicyChange.DeleteVersion(desired.arn(), desired.name(), oldest.versionId()));
    }
    changes.add(
        new PolicyChange.CreateDefaultVersion(
            desired.arn(),
            desired.name(),
            target,
            PolicyDocuments.diff(actual.defaultDocument(), target)));
    return changes;
  }
}
