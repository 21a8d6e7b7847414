package dev.irctl.cli;

import dev.irctl.engine.alertpath.AlertPathPart;
import dev.irctl.engine.guardduty.GuardDutyPart;
import dev.irctl.engine.iam.PolicyPart;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.RulesPart;
import dev.irctl.engine.run.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * plan's and apply's settings: enable-guardduty's, apply-rules' and install-policy's flags under
 * the same names, so one irctl.yaml drives all of them.
 */
@Command
public final class AccountOptions {
  @Mixin GuardDutyOptions guardDuty;
  @Mixin RuleOptions rules;
  @Mixin PolicyOptions policy;

  private ApplyRulesRequest rulesRequest;

  /**
   * The three parts, every flag checked offline (GuardDuty's first, then the catalog, then IAM
   * names): usage errors before any call.
   */
  public List<Part> parts() {
    var detector = guardDuty.desired();
    rulesRequest = rules.request();
    Optional<PolicyPart.Request> iam =
        policy.hasPrincipals()
            ? Optional.of(
                new PolicyPart.Request(policy.policyName(), policy.principals(), policy.adopt()))
            : Optional.empty();
    List<Part> parts = new ArrayList<>();
    parts.add(new GuardDutyPart(detector));
    parts.addAll(AlertPathPart.withRules(new RulesPart(rulesRequest), rulesRequest));
    parts.add(new PolicyPart(iam));
    parts.addAll(RuleTargetOptions.hubParts(rulesRequest));
    return List.copyOf(parts);
  }

  /** Global rules left out because us-east-1 is not selected. */
  public List<String> warnings(RegionSelection selection) {
    return RuleTargetOptions.selectionWarnings(rulesRequest, selection);
  }

  /** The catalog version the rules were rendered from (the tag on every rule). */
  public String catalogVersion() {
    return rulesRequest.rules().stream()
        .map(r -> r.tags().get(dev.irctl.engine.rules.CatalogRules.TAG_CATALOG_VERSION))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse("");
  }
}
