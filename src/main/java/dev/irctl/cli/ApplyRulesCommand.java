package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRules;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.RuleScopes;
import dev.irctl.engine.rules.RulesRegionResult;
import dev.irctl.render.RulesResultRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "apply-rules",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Deploy the catalog's EventBridge rules, alerting to an SNS topic, in every chosen region.",
      "",
      "Per region: the SNS topic (created or adopted; its policy gets one statement letting EventBridge publish, every other statement kept), the subscriptions you name, and one rule irctl-<id> per selected catalog rule targeting the topic. Global rules (IAM, Organizations) go to us-east-1 only. Only what differs is written; rules irctl did not create (no managed-by=irctl tag) and targets you added are never touched. --dry-run prints the plan with diffs."
    },
    footer = {
      "",
      "Examples:",
      "  irctl apply-rules --all-regions --subscribe email:soc@example.com",
      "  irctl apply-rules --category iam --message-format readable --dry-run",
      "  irctl apply-rules --all-regions --set bucketNames=corp-honey --prune",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error, 3 some regions failed."
    })
public final class ApplyRulesCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin CommandContext context;
  @Mixin RuleOptions ruleOptions;

  @Override
  public Integer call() {
    aws.validate();
    ApplyRulesRequest request = ruleOptions.request();
    try (Ports ports = context.openPorts(aws)) {
      RegionSelection selection = context.selectRegions(ports, aws);
      context.warn(selection);
      List<String> warnings = new ArrayList<>();
      RuleScopes.skippedGlobalRules(request.rules(), selection.regions()).ifPresent(warnings::add);
      warnings.forEach(w -> context.progress("warning: " + w));
      RulesResultRenderer renderer =
          new RulesResultRenderer("apply-rules", context.style(output), dryRun.dryRun());
      List<RulesRegionResult> results;
      try {
        results =
            new ApplyRules(ports, aws.concurrency())
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
          output.json() ? renderer.json(results, warnings) : renderer.summary(results, warnings));
      return context.exitCode(
          results.stream().filter(RulesRegionResult::failed).count(), results.size());
    }
  }
}
