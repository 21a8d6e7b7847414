package dev.irctl.cli;

import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.SavedPlan;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Make what plan shows: GuardDuty, the rules and topics, and the IAM policy.",
      "",
      "Enables GuardDuty, deploys the rules and topics in every chosen region, and installs the IAM policy (when --role, --group or --user is given), in one command. Each part reads, plans and writes only what differs, so a second run makes no write calls. Regions and parts run in parallel; a failure in one never stops the others.",
      "",
      "With FILE (from 'irctl plan --out FILE') it applies exactly that plan: a resource that changed since the plan fails its part in its region and nothing is written there. On a terminal it shows the plan and asks first; without one it needs --auto-approve."
    },
    footer = {
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error (also: no terminal and no --auto-approve; a plan file for another account, too old or not valid), 3 some regions or parts failed (the output names them).",
      "",
      "Examples:",
      "  irctl apply --all-regions --subscribe email:soc@example.com",
      "  irctl apply --region eu-west-1 --set bucketNames=corp-honey --auto-approve",
      "  irctl apply plan.json --auto-approve   # the plan saved by plan --out"
    })
public final class ApplyCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin ApproveOption approve;
  @Mixin CommandContext context;
  @Mixin AccountOptions account;

  @Mixin SavedPlanOption savedPlan;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    RunFlow flow = new RunFlow(context, aws, output);
    Optional<SavedPlan> saved = savedPlan.read(flow, "apply", approve.autoApprove());
    List<Part> parts =
        saved.map(plan -> PlanFile.parts(savedPlan.file(), plan)).orElseGet(account::parts);
    return flow.execute(
        RunFlow.Request.apply("apply", parts, approve, account::warnings, outputFile, saved));
  }
}
