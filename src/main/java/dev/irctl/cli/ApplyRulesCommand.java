package dev.irctl.cli;

import dev.irctl.engine.alertpath.AlertPathPart;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.RulesPart;
import dev.irctl.engine.run.Part;
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
      "Per region: the SNS topic (created or adopted; its policy gets one statement letting EventBridge publish, every other statement kept), the subscriptions you name, and one rule irctl-<id> per selected catalog rule targeting the topic. Global rules (IAM, Organizations) go to the partition's home region only (us-east-1; us-gov-west-1, cn-north-1). The console sign-in rules also go to us-east-1, us-east-2, eu-north-1 and ap-southeast-2, where AWS records sign-ins on the global endpoint, whichever regions are chosen (with --hub-region they forward there). Only what differs is written; rules irctl did not create (no managed-by=irctl tag) and targets you added are never touched. --prune deletes irctl rules no loaded catalog has (or that you --exclude), never rules outside a narrowed selection. --dry-run prints the plan with diffs."
    },
    footer = {
      "",
      "Examples:",
      "  irctl apply-rules --all-regions --subscribe email:soc@example.com",
      "  irctl apply-rules --category iam --message-format readable --dry-run",
      "  irctl apply-rules --all-regions --prune --auto-approve",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error (also: no terminal and no --auto-approve), 3 some regions failed."
    })
public final class ApplyRulesCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin ApproveOption approve;
  @Mixin CommandContext context;
  @Mixin RuleOptions ruleOptions;

  @Override
  public Integer call() {
    aws.validate();
    ApplyRulesRequest request = ruleOptions.request();
    // The rules, for those that watch irctl's own alerting the tamper path's second target, and
    // with a hub the forwarder role.
    List<Part> parts = new ArrayList<>(AlertPathPart.withRules(new RulesPart(request), request));
    parts.addAll(RuleTargetOptions.hubParts(request));
    return new RunFlow(context, aws, output)
        .execute(
            RunFlow.Request.write(
                "apply-rules",
                parts,
                dryRun,
                approve,
                selection -> RuleTargetOptions.selectionWarnings(request, selection),
                null));
  }
}
