package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.catalog.Catalog;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRules;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.MessageFormat;
import dev.irctl.engine.rules.RuleScopes;
import dev.irctl.engine.rules.RulesRegionResult;
import dev.irctl.engine.rules.SubscriptionSpec;
import dev.irctl.engine.rules.TopicSpec;
import dev.irctl.render.RulesResultRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "apply-rules",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Deploy the catalog's EventBridge rules, alerting to an SNS topic, in every chosen region.",
      "",
      "Per region: the SNS topic (created or adopted; its policy gets one statement",
      "letting EventBridge publish, every other statement kept), the subscriptions",
      "you name, and one rule irctl-<id> per selected catalog rule targeting the",
      "topic. Global rules (IAM, Organizations) go to us-east-1 only. Only what",
      "differs is written; rules irctl did not create (no managed-by=irctl tag) and",
      "targets you added are never touched. --dry-run prints the plan with diffs."
    },
    footer = {
      "",
      "Examples:",
      "  irctl apply-rules --all-regions --subscribe email:soc@example.com --exclude s3-honey-bucket-access",
      "  irctl apply-rules --region us-east-1 --category iam --message-format readable --dry-run",
      "  irctl apply-rules --all-regions --set bucketNames=corp-backups-honey --prune",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error, 3 some regions failed."
    })
public final class ApplyRulesCommand implements Callable<Integer> {
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin CommandContext context;
  @Mixin CatalogOptions catalog;
  @Mixin ParameterOptions parameters;
  @Mixin RuleTargetOptions target;

  @Option(names = "--rule", paramLabel = "ID", split = ",", description = "Only these catalog rules (repeatable or comma-separated).")
  List<String> rules = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "ID", split = ",", description = "Leave these catalog rules out.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--category", paramLabel = "C", split = ",", description = "Only rules of these categories (iam, tamper, cis, ...).")
  List<String> categories = new ArrayList<>();

  @Option(names = "--kms-key", paramLabel = "KEY", description = "Encrypt the topic with this customer managed KMS key (id, ARN or alias/NAME).")
  String kmsKey;

  @Option(
      names = "--subscribe",
      paramLabel = "PROTOCOL:ENDPOINT",
      description = "Subscribe email:ADDRESS, https:URL, sqs:QUEUE_ARN or lambda:FUNCTION_ARN to the topic (repeatable).")
  List<String> subscriptions = new ArrayList<>();

  @Option(
      names = "--message-format",
      paramLabel = "raw|readable",
      defaultValue = "raw",
      description = "raw: the whole event (default); readable: one short message for email readers.")
  MessageFormat messageFormat = MessageFormat.RAW;

  @Option(names = "--prune", description = "Delete irctl's rules that are no longer selected (orphans).")
  boolean prune;

  @Override
  public Integer call() {
    aws.validate();
    ApplyRulesRequest request = request();
    try (Ports ports = context.openPorts(aws)) {
      RegionSelection selection = context.selectRegions(ports, aws);
      context.warn(selection);
      List<String> warnings = new ArrayList<>();
      RuleScopes.skippedGlobalRules(request.rules(), selection.regions()).ifPresent(warnings::add);
      warnings.forEach(w -> context.progress("warning: " + w));
      RulesResultRenderer renderer = new RulesResultRenderer("apply-rules", context.style(output), dryRun.dryRun());
      List<RulesRegionResult> results;
      try {
        results = new ApplyRules(ports, aws.concurrency()).run(selection, request, dryRun.dryRun(), r -> context.progress(renderer.progressLine(r)));
      } catch (AwsCallException e) {
        throw new UserException("Could not identify the account (sts:GetCallerIdentity): " + e.getMessage(), ExitCode.FAILURE, e);
      }
      context.print(output.json() ? renderer.json(results, warnings) : renderer.summary(results, warnings));
      return context.exitCode(results.stream().filter(RulesRegionResult::failed).count(), results.size());
    }
  }

  /** Every flag and the catalog checked before any AWS call: problems are usage errors (exit 2). */
  private ApplyRulesRequest request() {
    List<SubscriptionSpec> specs = subscriptions.stream().map(SubscriptionOptionParser::parse).toList();
    Catalog loaded = catalog.load();
    List<DesiredRule> desired =
        CatalogRules.desired(loaded, new CatalogRules.Selection(rules, excludes, categories), parameters.settings());
    Optional<String> key = Optional.ofNullable(kmsKey).map(String::trim).filter(k -> !k.isEmpty());
    if (kmsKey != null && key.isEmpty()) {
      throw UserException.usage("--kms-key needs a key id, ARN or alias/NAME.");
    }
    return new ApplyRulesRequest(target.bus(), new TopicSpec(target.topicName(), key, specs), messageFormat, prune, desired);
  }
}
