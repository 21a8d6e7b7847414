package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.RemoveRules;
import dev.irctl.engine.rules.RulesRegionResult;
import dev.irctl.render.RulesResultRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "remove-rules",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Delete irctl's EventBridge rules in every chosen region.",
      "",
      "Each rule loses its targets (RemoveTargets), then is deleted (DeleteRule). Only rules with both irctl's name (irctl-...) and its tag (managed-by=irctl) are deleted; a rule that has targets you added is kept. The SNS topic is deleted only with --delete-topic, and only if irctl created it."
    },
    footer = {
      "",
      "Examples:",
      "  irctl remove-rules --all-regions --dry-run",
      "  irctl remove-rules --region eu-west-1 --delete-topic",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error, 3 some regions failed."
    })
public final class RemoveRulesCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin CommandContext context;
  @Mixin RuleTargetOptions target;

  @Option(
      names = "--delete-topic",
      description = "Also delete the topic (and its subscriptions), if irctl created it.")
  boolean deleteTopic;

  @Override
  public Integer call() {
    aws.validate();
    RemoveRules.Request request =
        new RemoveRules.Request(target.bus(), target.topicName(), deleteTopic);
    try (Ports ports = context.openPorts(aws)) {
      RegionSelection selection = context.selectRegions(ports, aws);
      context.warn(selection);
      RulesResultRenderer renderer =
          new RulesResultRenderer("remove-rules", context.style(output), dryRun.dryRun());
      List<RulesRegionResult> results;
      try {
        results =
            new RemoveRules(ports, aws.concurrency())
                .run(
                    selection,
                    request,
                    dryRun.dryRun(),
                    r -> context.progress(renderer.progressLine(r)));
      } catch (AwsCallException e) {
        throw new UserException(
            "Could not identify the account (sts:GetCallerIdentity): " + e.getMessage(),
            ExitCode.FAILURE,
            e);
      }
      context.print(
          output.json() ? renderer.json(results, List.of()) : renderer.summary(results, List.of()));
      return context.exitCode(
          results.stream().filter(RulesRegionResult::failed).count(), results.size());
    }
  }
}
