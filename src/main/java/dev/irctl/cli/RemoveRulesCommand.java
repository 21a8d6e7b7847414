package dev.irctl.cli;

import dev.irctl.engine.hub.ForwarderRoleRemovePart;
import dev.irctl.engine.rules.RemoveRulesPart;
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
      "Each rule loses its targets (RemoveTargets), then is deleted (DeleteRule). Only rules with both irctl's name (irctl-...) and its tag (managed-by=irctl) are deleted; a rule that has targets you added is kept. The SNS topic is deleted only with --delete-topic, only if irctl created it, and only when its policy has no statement and it has no subscription besides irctl's (the ones --subscribe or irctl.yaml names); otherwise it is kept, irctl's statement removed, and the plan says why. The forwarder role irctl-event-forwarder (--hub-region) is deleted once no forwarder rule is left in any region the account has enabled (regions outside the run are read, never written); otherwise it is kept and the plan says which forwarders still use it."
    },
    footer = {
      "",
      "Examples:",
      "  irctl remove-rules --all-regions --dry-run",
      "  irctl remove-rules --region eu-west-1 --delete-topic --auto-approve",
      "  irctl remove-rules --delete-topic --subscribe email:soc@example.com",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error (also: no terminal and no --auto-approve), 3 some regions failed."
    })
public final class RemoveRulesCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin ApproveOption approve;
  @Mixin CommandContext context;
  @Mixin RuleTargetOptions target;

  @Option(
      names = "--delete-topic",
      description = "Also delete the topic (and its subscriptions), if irctl created it.")
  boolean deleteTopic;

  @Option(
      names = "--subscribe",
      paramLabel = "PROTOCOL:ENDPOINT",
      description =
          "A subscription irctl made (as given to apply-rules; irctl.yaml's rules.subscriptions too): it does not keep the topic from --delete-topic (repeatable).")
  List<String> subscriptions = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    aws.validate();
    RemoveRulesPart.Request request =
        new RemoveRulesPart.Request(
            target.bus(),
            target.topicName(),
            deleteTopic,
            subscriptions.stream().map(SubscriptionOptionParser::parse).toList());
    return new RunFlow(context, aws, output)
        .execute(
            new RunFlow.Request(
                "remove-rules",
                // The forwarder role goes after the regions, once no forwarder is left anywhere.
                List.of(new RemoveRulesPart(request), new ForwarderRoleRemovePart()),
                dryRun.kind(),
                approve.autoApprove(),
                false,
                selection -> List.of(),
                null,
                result -> {},
                java.util.Optional.empty()));
  }
}
