package dev.irctl.cli;

import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.org.StackSetPart;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.SavedPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Make what org plan shows: GuardDuty for every account of the organization and, with --ou,"
          + " the member rules on CloudFormation StackSets.",
      "",
      "Runs in GuardDuty's delegated administrator account (designated with 'irctl org delegate'"
          + " from the management account). Per region, in parallel: the administrator's detector,"
          + " then UpdateOrganizationConfiguration (members ALL or NEW, the --feature auto-enable)"
          + " and CreateMembers for organization accounts not yet members. With --ou: the hub bus"
          + " policy (events:PutEvents for this organization only), then the service-managed stack"
          + " sets irctl-member-role and irctl-member-rules with automatic deployment to the OUs,"
          + " waited for with progress. A second run with nothing changed writes nothing."
    },
    footer = {
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error (also: not the delegated administrator, an OU that does not exist, StackSets trusted access off; nothing written), 3 some regions, parts or stack instances failed (the output names them; a re-run converges).",
      "",
      "Examples:",
      "  irctl org apply --all-regions --auto-approve",
      "  irctl org apply --region eu-west-1 --ou r-ab12 --failure-tolerance 5%",
      "  irctl org apply plan.json --auto-approve   # saved by org plan --out"
    })
public final class OrgApplyCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin ApproveOption approve;
  @Mixin CommandContext context;
  @Mixin OrgOptions org;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "A plan saved with 'irctl org plan --out FILE': apply exactly it.")
  Path planFile;

  @Option(
      names = "--max-plan-age",
      paramLabel = "AGE",
      defaultValue = "7d",
      description = "Refuse a plan FILE older than this (default 7d; e.g. 12h, 30m).")
  String maxPlanAge;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    RunFlow flow = new RunFlow(context, aws, output);
    List<Part> parts;
    Optional<SavedPlan> saved = Optional.empty();
    OrgPreflight.Checks checks;
    if (planFile != null) {
      flow.requireApproval("org apply", RunFlow.Kind.WRITE, approve.autoApprove());
      SavedPlan plan = PlanFile.read(planFile, PlanFile.parseAge(maxPlanAge), Instant.now());
      parts =
          PlanFile.parts(planFile, plan).stream()
              .map(p -> p instanceof StackSetPart s ? s.withProgress(context::progress) : p)
              .toList();
      saved = Optional.of(plan);
      checks = savedChecks(parts);
    } else {
      parts = org.parts(aws, context::progress);
      checks = org.checks(aws);
    }
    boolean fromFile = saved.isPresent();
    return flow.preflight(OrgChecks.of("org apply", checks))
        .execute(
            new RunFlow.Request(
                "org apply",
                parts,
                RunFlow.Kind.WRITE,
                approve.autoApprove(),
                false,
                selection -> fromFile ? List.of() : org.warnings(),
                outputFile,
                result -> {},
                saved));
  }

  /** A saved plan's checks: its stack set part names the OUs and the hub region. */
  private static OrgPreflight.Checks savedChecks(List<Part> parts) {
    return parts.stream()
        .filter(p -> p instanceof StackSetPart)
        .map(p -> ((StackSetPart) p).desiredValue())
        .findFirst()
        .map(d -> new OrgPreflight.Checks(true, d.organizationalUnitIds(), d.hubRegion()))
        .orElse(new OrgPreflight.Checks(false, List.of(), ""));
  }
}
