package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.engine.delivery.DoctorResult;
import dev.irctl.engine.delivery.DoctorRun;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.render.DoctorRenderer;
import dev.irctl.render.RunRenderer;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check, read-only, that alerts can reach a person: one row per finding with its fix.",
      "",
      "Per region: the topic policy lets events.amazonaws.com publish; an encrypted topic uses a customer managed key EventBridge may use; confirmed and pending subscriptions; FailedInvocations of irctl's rules over the last 24 hours and their dead-letter queues; a logging CloudTrail trail, and data events for the honey buckets; readable messages with a chat subscription. Rules, topic and message format are selected as in status. `print-policy --command doctor` is enough."
    },
    footer = {
      "",
      "Exit codes: 0 clean, 2 findings, 1 a region could not be read (or another failure).",
      "",
      "Examples:",
      "  irctl doctor --all-regions",
      "  irctl doctor --region eu-west-1 --output json --output-file doctor.json"
    })
public final class DoctorCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin CommandContext context;
  @Mixin RuleCheckOptions rules;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    ApplyRulesRequest request = rules.readOnlyRequest();
    try (Ports ports = context.openPorts(aws)) {
      RegionSelection selection = context.selectRegions(ports, aws);
      context.warn(selection);
      DoctorResult result =
          DoctorRun.run(
              ports,
              Clock.systemUTC(),
              selection,
              request,
              identity ->
                  context.progress(RunRenderer.identityLine(identity, selection.regions().size())));
      DoctorRenderer renderer = new DoctorRenderer(context.style(output), Flags::of);
      String json = renderer.json(result, selection);
      context.print(output.json() ? json : renderer.text(result));
      outputFile.write(json);
      return exitCode(result.outcome());
    }
  }

  /** The engine says how the run ended; only the CLI knows the numbers. */
  static int exitCode(DoctorResult.Outcome outcome) {
    return switch (outcome) {
      case CLEAN -> ExitCode.OK;
      case FINDINGS -> 2;
      case ERROR -> ExitCode.FAILURE;
    };
  }
}
