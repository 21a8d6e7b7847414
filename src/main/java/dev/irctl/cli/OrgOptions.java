package dev.irctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.UserException;
import dev.irctl.catalog.Catalog;
import dev.irctl.engine.guardduty.DesiredDetector;
import dev.irctl.engine.guardduty.GuardDutyPart;
import dev.irctl.engine.org.HubBusPolicyPart;
import dev.irctl.engine.org.MemberRulesTemplate;
import dev.irctl.engine.org.OperationWait;
import dev.irctl.engine.org.OrgAccounts;
import dev.irctl.engine.org.OrgConfigurationPlanner;
import dev.irctl.engine.org.OrgMembersPart;
import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.org.StackSetPart;
import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.StackSetsPort.Amount;
import dev.irctl.engine.port.StackSetsPort.OperationPreferences;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.run.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * org plan's and org apply's settings: the administrator's detector (enable-guardduty's flags),
 * members' auto-enable, and the member stack sets (the OUs, the hub region, the rule selection as
 * in export cloudformation, and how operations roll out).
 */
@Command
public final class OrgOptions {
  /** Members' auto-enable values a user may choose; NONE is org remove's. */
  enum MembersAutoEnable {
    ALL,
    NEW
  }

  @Mixin GuardDutyOptions guardDuty;
  @Mixin CatalogOptions catalog;
  @Mixin ParameterOptions parameters;
  @Mixin StackSetOptions stackSets;

  @Option(
      names = "--auto-enable",
      paramLabel = "WHICH",
      defaultValue = "ALL",
      description =
          "Which organization accounts GuardDuty enables by itself: ALL (default: existing ones too)"
              + " or NEW (only accounts that join later). --feature/--no-feature set the features'"
              + " auto-enable the same way.")
  MembersAutoEnable autoEnable = MembersAutoEnable.ALL;

  @Option(
      names = "--ou",
      paramLabel = "OU",
      split = ",",
      description =
          "Deploy the member rules to every account of this organizational unit (ou-...) or of the"
              + " root (r-...), and to accounts that join it later (repeatable). Without --ou the"
              + " member stack sets are not planned.")
  List<String> organizationalUnits = new ArrayList<>();

  @Mixin RuleSelectionOptions selection;

  private String catalogVersion = "";

  /** The parts, every flag checked offline first: usage errors before any call. */
  List<Part> parts(RegionalAwsOptions aws, Consumer<String> progress) {
    DesiredDetector detector = guardDuty.desired();
    AutoEnable members = AutoEnable.valueOf(autoEnable.name());
    Map<String, AutoEnable> features = new TreeMap<>();
    detector
        .features()
        .forEach((feature, on) -> features.put(feature.name(), on ? members : AutoEnable.NONE));
    List<Part> parts = new ArrayList<>();
    parts.add(new GuardDutyPart(detector));
    parts.add(
        new OrgMembersPart(
            new OrgConfigurationPlanner.Desired(members, features), new OrgAccounts()));
    if (!organizationalUnits.isEmpty()) {
      String hub = stackSets.hubRegion(aws);
      parts.add(new HubBusPolicyPart(hub));
      parts.add(
          new StackSetPart(
              new StackSetPart.Desired(
                  rulesTemplate(),
                  MemberRulesTemplate.body(MemberRulesTemplate.role()),
                  organizationalUnits,
                  hub,
                  stackSets.preferences()),
              OperationWait.standard(),
              progress));
    }
    return parts;
  }

  private String rulesTemplate() {
    Catalog loaded = catalog.load();
    catalogVersion = loaded.version();
    List<DesiredRule> desired =
        CatalogRules.resolve(loaded, selection.selection(), parameters.settings(), false).rules();
    if (MemberRulesTemplate.memberRules(desired).isEmpty()) {
      throw UserException.usage(
          "the rule selection has only GuardDuty finding rules, which run in this administrator"
              + " account: no member rules for --ou. Widen --rule/--category, or leave --ou out.");
    }
    JsonNode template = OrgChecks.usage(() -> MemberRulesTemplate.rules(desired, loaded.version()));
    if (!MemberRulesTemplate.fitsInline(template)) {
      throw UserException.usage(
          "the member rules template is "
              + MemberRulesTemplate.bytes(template)
              + " bytes, over CloudFormation's inline limit of "
              + MemberRulesTemplate.INLINE_LIMIT
              + ": select fewer rules with --rule, --exclude or --category.");
    }
    return MemberRulesTemplate.body(template);
  }

  String catalogVersion() {
    return catalogVersion;
  }

  /** What the pre-flight checks before any write. */
  OrgPreflight.Checks checks(RegionalAwsOptions aws) {
    boolean deploys = !organizationalUnits.isEmpty();
    return new OrgPreflight.Checks(
        deploys, organizationalUnits, deploys ? stackSets.hubRegion(aws) : "");
  }

  /** The run's notes before the regions: where the finding rules run. */
  List<String> warnings() {
    List<String> notes = new ArrayList<>();
    notes.add(OrgMembersPart.FINDINGS_NOTE);
    if (organizationalUnits.isEmpty()) {
      notes.add("no --ou: the member rules stack sets were not planned");
    }
    return notes;
  }

  /** The hub region and how stack set operations roll out: org apply's and org remove's. */
  @Command
  static final class StackSetOptions {
    @Mixin HubRegionOption hub;

    @Option(
        names = "--failure-tolerance",
        paramLabel = "N|N%",
        defaultValue = "10%",
        description =
            "Accounts per region whose stack instance may fail before CloudFormation stops the"
                + " operation in that region (default: ${DEFAULT-VALUE}).")
    String failureTolerance = "10%";

    @Option(
        names = "--max-concurrent",
        paramLabel = "N|N%",
        defaultValue = "25%",
        description =
            "Accounts per region deployed at once (default: ${DEFAULT-VALUE}); regions run in"
                + " parallel.")
    String maxConcurrent = "25%";

    String hubRegion(RegionalAwsOptions aws) {
      return hub.resolve(aws);
    }

    OperationPreferences preferences() {
      Amount tolerance = amount("--failure-tolerance", failureTolerance);
      Amount concurrent = amount("--max-concurrent", maxConcurrent);
      if (concurrent.value() == 0) {
        throw UserException.usage("--max-concurrent must be at least 1 (or 1%).");
      }
      return new OperationPreferences(true, tolerance, concurrent, true);
    }

    private static Amount amount(String flag, String value) {
      String v = value.trim();
      boolean percent = v.endsWith("%");
      String digits = percent ? v.substring(0, v.length() - 1) : v;
      if (!digits.matches("\\d{1,4}")) {
        throw UserException.usage(
            flag + " " + value + ": give a count (3) or a percentage of accounts (10%).");
      }
      int n = Integer.parseInt(digits);
      if (percent && n > 100) {
        throw UserException.usage(flag + " " + value + ": a percentage is at most 100%.");
      }
      return percent ? Amount.percent(n) : Amount.count(n);
    }
  }
}
