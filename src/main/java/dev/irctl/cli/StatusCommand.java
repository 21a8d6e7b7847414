package dev.irctl.cli;

import dev.irctl.engine.run.RunResult;
import dev.irctl.engine.status.StatusParts;
import dev.irctl.render.RunRenderer;
import dev.irctl.render.StatusRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show one row per region: GuardDuty, irctl's rules and the alert topic.",
      "",
      "GuardDuty: enabled, disabled or missing, frequency, features on. Rules: irctl's rules against the selected catalog rules (in sync, drifted, missing, orphaned). Topic: whether its policy lets EventBridge publish; confirmed and pending subscriptions. Read-only: `print-policy --read-only` is enough. Rules are selected as in apply-rules."
    },
    footer = {
      "",
      "Exit codes: 0 read, 1 failed, 2 usage error, 3 some regions failed.",
      "",
      "Examples:",
      "  irctl status --all-regions",
      "  irctl status --output json --output-file status.json"
    })
public final class StatusCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin CommandContext context;
  @Mixin RuleCompareOptions rules;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    StatusParts status = new StatusParts(rules.readOnlyRequest());
    RunResult result = new RunFlow(context, aws, output).read("status", status.parts());
    StatusRenderer renderer =
        new StatusRenderer(
            context.style(output),
            new RunRenderer("status", context.style(output), RunFlow::hint, Flags::of));
    String json = renderer.json(result, status.facts());
    context.print(output.json() ? json : renderer.text(result, status.facts()));
    outputFile.write(json);
    return context.exitCode(result.failedRegions(), result.regionCount());
  }
}
