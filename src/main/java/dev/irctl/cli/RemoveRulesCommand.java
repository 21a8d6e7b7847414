package dev.irctl.cli;

import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.hub.ForwarderRoleRemovePart;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.RemoveRulesPart;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "remove-rules",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Delete irctl's EventBridge rules in every chosen region (and the carried sign-in rules).",
      "",
      "Each rule loses its targets (RemoveTargets), then is deleted (DeleteRule). Only rules with both irctl's name (irctl-...) and its tag (managed-by=irctl) are deleted; a rule that has targets you added is kept. In a region apply-rules only visited for the sign-in rules (us-east-1, us-east-2, eu-north-1, ap-southeast-2 when not chosen), only those rules and their forwarders go, and the plan says why; other irctl rules there, and the topic while they alert to it, stay. The SNS topic is deleted only with --delete-topic, only if irctl created it, and only when its policy has no statement and it has no subscription besides irctl's (the ones --subscribe or irctl.yaml names); otherwise it is kept, irctl's statement removed, and the plan says why. Forwarders go wherever they are, so remove-rules takes no --hub-region; the forwarder role irctl-event-forwarder (made by apply-rules --hub-region) is deleted once no forwarder rule is left in any region the account has enabled (regions outside the run are read, never written); otherwise it is kept and the plan says which forwarders still use it."
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
  @Mixin CatalogOptions catalog;

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

  /**
   * The catalog's console sign-in rules (every one, as remove-rules takes no selection), rendered
   * without parameters: apply-rules carries them beyond the chosen regions, and remove-rules
   * follows them there. Only their names and patterns (for the forwarders' names) are used.
   */
  private List<DesiredRule> signInRules() {
    Catalog loaded = catalog.load();
    List<String> ids =
        loaded.rules().stream()
            .filter(r -> r.consoleSignIns() != ConsoleSignIns.NONE)
            .map(r -> r.id())
            .toList();
    if (ids.isEmpty()) {
      return List.of(); // an empty id list would select every rule
    }
    return CatalogRules.resolve(
            loaded, new CatalogRules.Selection(ids, List.of(), List.of()), Map.of(), true)
        .rules();
  }

  @Override
  public Integer call() {
    aws.validate();
    RemoveRulesPart.Request request =
        new RemoveRulesPart.Request(
            target.bus(),
            target.topicName(),
            deleteTopic,
            subscriptions.stream().map(SubscriptionOptionParser::parse).toList(),
            signInRules());
    return new RunFlow(context, aws, output)
        .execute(
            RunFlow.Request.write(
                "remove-rules",
                // The forwarder role goes after the regions, once no forwarder is left anywhere.
                List.of(new RemoveRulesPart(request), new ForwarderRoleRemovePart(request)),
                dryRun,
                approve,
                selection -> List.of(),
                null));
  }
}
