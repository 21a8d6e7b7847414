package dev.irctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.iam.GuardDutyAdminPolicy;
import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.permissions.LeastPrivilegePolicy;
import dev.irctl.engine.permissions.OwnedResources;
import dev.irctl.engine.permissions.PermissionCatalog;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.render.PolicyJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

@Command(
    name = "print-policy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the least-privilege IAM policy irctl needs to run, as JSON on stdout.",
      "",
      "Generated from the actions each irctl AWS adapter declares; tests check the declarations against what the adapters send. Offline, unless --guardduty-admin is given without --account-id."
    },
    footer = {
      "",
      "Examples:",
      "  irctl print-policy > irctl-policy.json",
      "  irctl print-policy --command enable-guardduty",
      "  irctl print-policy --read-only   # for a CI job that plans, never applies",
      "  irctl print-policy --guardduty-admin --account-id 111122223333",
      "",
      "Exit codes: 0 printed, 1 failed (STS), 2 usage error."
    })
public final class PrintPolicyCommand implements Callable<Integer> {
  private static final String ANY_ACCOUNT = "*";

  @Mixin AwsOptions aws;
  @Mixin CommandContext context;

  @Option(
      names = "--command",
      paramLabel = "NAME",
      description = "Only what this irctl command needs (repeatable): ${COMPLETION-CANDIDATES}.")
  List<String> commands = new ArrayList<>();

  @Option(
      names = "--read-only",
      description = "Only read actions: what planning (--dry-run) needs, never applying.")
  boolean readOnly;

  @Option(
      names = "--guardduty-admin",
      description =
          "Print the GuardDuty admin policy that install-policy installs, for one account.")
  boolean guardDutyAdmin;

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description =
          "Account id to fill in (default: * in the generated policy; STS for --guardduty-admin).")
  String accountId;

  @Option(
      names = "--partition",
      paramLabel = "NAME",
      defaultValue = "aws",
      description =
          "Partition of the ARNs when not read from STS: aws, aws-cn, aws-us-gov (default: ${DEFAULT-VALUE}).")
  String partition;

  @Option(
      names = "--policy-name",
      paramLabel = "NAME",
      description =
          "The policy install-policy writes and attaches, if not irctl-guardduty-admin (its --policy-name).")
  String policyName;

  @Option(
      names = "--topic-name",
      paramLabel = "NAME",
      description = "The SNS topic apply-rules writes, if not named irctl-* (its --topic-name).")
  String topicName;

  /** Refused as apply-rules refuses it: irctl's rules are only ever on the default bus. */
  @Option(names = "--event-bus", paramLabel = "NAME", hidden = true)
  String eventBus;

  @Override
  public Integer call() {
    aws.validate();
    validate();
    JsonNode policy = guardDutyAdmin ? guardDutyAdminPolicy() : generated();
    context.print(PolicyJson.pretty(policy));
    return ExitCode.OK;
  }

  private JsonNode generated() {
    List<String> chosen =
        !commands.isEmpty()
            ? commands
            : List.copyOf(readOnly ? catalog().readOnlyCommands() : catalog().commands());
    List<AwsAction> actions = new ArrayList<>();
    chosen.forEach(c -> actions.addAll(catalog().actions(c)));
    OwnedResources owned =
        new OwnedResources(
            partition,
            accountId == null ? ANY_ACCOUNT : accountId,
            List.of(policyName == null ? OwnedResources.DEFAULT_POLICY : policyName),
            topicName == null ? List.of() : List.of(topicName));
    return LeastPrivilegePolicy.document(actions, readOnly, owned);
  }

  private JsonNode guardDutyAdminPolicy() {
    if (accountId != null) {
      return GuardDutyAdminPolicy.document(partition, accountId);
    }
    try (Ports ports = context.openPorts(aws)) {
      context.checkCredentials(ports);
      Identity identity = ports.account().identity();
      return GuardDutyAdminPolicy.document(identity.partition(), identity.accountId());
    } catch (AwsCallException e) {
      throw new UserException(
          "Could not read the account id ("
              + e.getMessage()
              + "). Pass --account-id ID to print offline.",
          ExitCode.FAILURE,
          e);
    }
  }

  private void validate() {
    for (String command : commands) {
      if (!catalog().commands().contains(command)) {
        throw UserException.usage(
            "--command "
                + command
                + " is not an irctl command that calls AWS; choose from "
                + String.join(", ", catalog().commands())
                + ".");
      }
    }
    if (guardDutyAdmin && (readOnly || !commands.isEmpty())) {
      throw UserException.usage(
          "--guardduty-admin prints one fixed policy; it does not combine with --command or --read-only.");
    }
    if (accountId != null && !accountId.matches("\\d{12}")) {
      throw UserException.usage(
          "--account-id " + accountId + " is not an AWS account id (12 digits).");
    }
    if (!partition.matches("aws(-[a-z]+)*")) {
      throw UserException.usage(
          "--partition " + partition + " is not an AWS partition (aws, aws-cn, aws-us-gov, ...).");
    }
    if (policyName != null && !policyName.matches("[\\w+=,.@-]{1,128}")) {
      throw UserException.usage(
          "--policy-name '"
              + policyName
              + "' is not a valid IAM policy name (1 to 128 letters, digits and + = , . @ _ -).");
    }
    if (topicName != null && !topicName.matches("[A-Za-z0-9_-]{1,256}")) {
      throw UserException.usage(
          "--topic-name '"
              + topicName
              + "' is not a standard SNS topic name (1-256 letters, digits, - and _).");
    }
    if (eventBus != null) {
      throw UserException.usage(RuleTargetOptions.EVENT_BUS_REMOVED);
    }
  }

  private PermissionCatalog catalog() {
    return context.root().permissions();
  }

  /**
   * For completion and help: the commands print-policy knows, from the root's catalog (picocli
   * builds completion candidates statically, so the option is rebuilt with them).
   */
  static void offerCommands(
      CommandSpec spec, java.util.function.Supplier<java.util.Collection<String>> commands) {
    OptionSpec option = spec.findOption("--command");
    spec.remove(option);
    // Asked for only when shown (completion, help): listing them loads every AWS adapter.
    Iterable<String> lazily = () -> commands.get().iterator();
    spec.addOption(OptionSpec.builder(option).completionCandidates(lazily).build());
  }
}
