package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.engine.org.MemberRulesTemplate;
import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.org.OrgStatusMatrix;
import dev.irctl.engine.org.OrgStatusParts;
import dev.irctl.engine.run.RunResult;
import dev.irctl.render.OrgStatusRenderer;
import dev.irctl.render.RunRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "From GuardDuty's delegated administrator: every account of the organization x every chosen"
          + " region, read-only.",
      "",
      "Per cell: the account's GuardDuty member relationship with the administrator (enabled,"
          + " created, missing...) and its instance of the member rules stack set (status and"
          + " drift). Per region: the administrator's detector and totals. The account list is read"
          + " once per run; per region GetMembers for those accounts (50 a call, side by side)"
          + " and one ListStackInstances, never a call per account."
    },
    footer = {
      "",
      "Exit codes: 0 read, 1 failed, 2 usage error (not the delegated administrator, no"
          + " organization), 3 some reads failed. With --detailed-exitcode: 0 no gaps, 2 gaps (an"
          + " active account not covered, an instance not current or drifted), 1 failed, 3 some"
          + " reads failed.",
      "",
      "Examples:",
      "  irctl org status --all-regions --hub-region eu-west-1",
      "  irctl org status --all-regions --hub-region eu-west-1 --gaps-only",
      "  irctl org status --region eu-west-1 --output json --detailed-exitcode"
    })
final class OrgStatusCommand implements Callable<Integer> {
  static final String COMMAND = "org status";

  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin CommandContext context;

  @Mixin HubRegionOption hub;

  @Option(
      names = "--gaps-only",
      description = "Text: list only accounts with a gap in some region (totals stay complete).")
  boolean gapsOnly;

  @Option(
      names = DetailedExitCode.FLAG,
      description = "Exit 2 when some account has a gap (for CI), 0 when none.")
  boolean detailedExitCode;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    String stackSetRegion = hub.resolve(aws);
    OrgStatusParts status = new OrgStatusParts(MemberRulesTemplate.RULES_STACK_SET, stackSetRegion);
    RunResult result =
        new RunFlow(context, aws, output)
            .read(
                COMMAND,
                status.parts(),
                (ports, identity) ->
                    OrgDelegateCommand.check(
                        () ->
                            status.caller(
                                OrgPreflight.delegatedAdmin(ports.organizations(), identity))));
    OrgStatusMatrix matrix = status.matrix(result.selection().regions());
    OrgStatusRenderer renderer =
        new OrgStatusRenderer(
            context.style(output),
            new RunRenderer(COMMAND, context.style(output), RunFlow::hint, Flags::of));
    String json =
        renderer.json(
            result, status.caller(), status.stackSetName(), status.stackSetRegion(), matrix);
    context.print(
        output.json()
            ? json
            : renderer.text(
                result,
                status.caller(),
                status.stackSetName(),
                status.stackSetRegion(),
                matrix,
                gapsOnly));
    outputFile.write(json);
    long failed = result.failed();
    if (failed > 0) {
      return failed == result.ran() ? ExitCode.FAILURE : ExitCode.PARTIAL_FAILURE;
    }
    return detailedExitCode && matrix.gaps() > 0 ? ExitCode.CHANGES_PENDING : ExitCode.OK;
  }
}
