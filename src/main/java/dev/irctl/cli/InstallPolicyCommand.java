package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.iam.GuardDutyAdminPolicy;
import dev.irctl.engine.iam.InstallPolicy;
import dev.irctl.engine.iam.InstallPolicyResult;
import dev.irctl.engine.iam.Principal;
import dev.irctl.engine.iam.PrincipalKind;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.render.PolicyResultRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "install-policy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Install the IAM policy that lets a role, group or user run GuardDuty.",
      "",
      "The policy grants guardduty:* and iam:CreateServiceLinkedRole on GuardDuty's",
      "service-linked role only. It is created tagged managed-by=irctl. When its",
      "default version differs, a new default version is made (at IAM's limit of 5",
      "versions the oldest non-default one is deleted first); statements irctl did",
      "not write are kept. A same-named policy irctl did not create is left alone",
      "unless --adopt. IAM is global: one pass for the whole account."
    },
    footer = {
      "",
      "Examples:",
      "  irctl install-policy --role incident-responders --dry-run",
      "  irctl install-policy --group secops --user alice --output json",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error."
    })
public final class InstallPolicyCommand implements Callable<Integer> {
  /** IAM's name rules: roles and users up to 64 characters, groups and policies up to 128. */
  private static final String NAME_CHARS = "[\\w+=,.@-]";

  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin CommandContext context;

  @Option(names = "--role", paramLabel = "NAME", description = "Attach the policy to this IAM role (repeatable).")
  List<String> roles = new ArrayList<>();

  @Option(names = "--group", paramLabel = "NAME", description = "Attach the policy to this IAM group (repeatable).")
  List<String> groups = new ArrayList<>();

  @Option(names = "--user", paramLabel = "NAME", description = "Attach the policy to this IAM user (repeatable).")
  List<String> users = new ArrayList<>();

  @Option(
      names = "--policy-name",
      paramLabel = "NAME",
      defaultValue = GuardDutyAdminPolicy.DEFAULT_NAME,
      description = "Name of the customer-managed policy (default: ${DEFAULT-VALUE}).")
  String policyName;

  @Option(
      names = "--adopt",
      description = "Take over a policy of that name that irctl did not create: tag it and add irctl's statements.")
  boolean adopt;

  @Override
  public Integer call() {
    aws.validate();
    InstallPolicy.Request request = request();
    try (Ports ports = context.openPorts(aws)) {
      context.checkCredentials(ports);
      InstallPolicyResult result = run(ports, request);
      PolicyResultRenderer renderer = new PolicyResultRenderer(context.style(output), dryRun.dryRun());
      context.print(output.json() ? renderer.json(result) : renderer.text(result));
      return result.failed() ? ExitCode.FAILURE : ExitCode.OK;
    }
  }

  private static InstallPolicyResult run(Ports ports, InstallPolicy.Request request) {
    try {
      return new InstallPolicy(ports).run(request);
    } catch (PlanConflictException | AwsCallException e) {
      throw new UserException(e.getMessage(), ExitCode.FAILURE, e);
    }
  }

  /** Every check that needs no AWS call: a usage error here means nothing was sent. */
  private InstallPolicy.Request request() {
    if (aws.allRegions() || !aws.regions().isEmpty()) {
      throw UserException.usage("IAM is global: install-policy acts once for the whole account; drop --region/--all-regions.");
    }
    if (roles.isEmpty() && groups.isEmpty() && users.isEmpty()) {
      throw UserException.usage("Name at least one principal to attach the policy to: --role NAME, --group NAME or --user NAME.");
    }
    checkName("--policy-name", policyName, 128);
    List<Principal> principals = new ArrayList<>();
    roles.forEach(n -> principals.add(principal(PrincipalKind.ROLE, n, 64)));
    groups.forEach(n -> principals.add(principal(PrincipalKind.GROUP, n, 128)));
    users.forEach(n -> principals.add(principal(PrincipalKind.USER, n, 64)));
    return new InstallPolicy.Request(policyName, principals, adopt, dryRun.dryRun());
  }

  private static Principal principal(PrincipalKind kind, String name, int maxLength) {
    checkName(kind.flag(), name, maxLength);
    return new Principal(kind, name);
  }

  private static void checkName(String flag, String name, int maxLength) {
    if (name.startsWith("arn:") || name.contains("/")) {
      throw UserException.usage(flag + " " + name + ": give the name alone, not an ARN or path.");
    }
    if (!name.matches(NAME_CHARS + "{1," + maxLength + "}")) {
      throw UserException.usage(
          flag + " '" + name + "' is not a valid IAM name: 1 to " + maxLength
              + " letters, digits and + = , . @ _ - characters.");
    }
  }
}
