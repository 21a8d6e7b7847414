package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.iam.GuardDutyAdminPolicy;
import dev.irctl.engine.port.Principal;
import dev.irctl.engine.port.PrincipalKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The IAM policy and the principals it is attached to: shared by install-policy, plan and apply.
 */
@Command
public final class PolicyOptions {
  /** IAM's name rules: roles and users up to 64 characters, groups and policies up to 128. */
  private static final String NAME_CHARS = "[\\w+=,.@-]";

  @Option(
      names = "--role",
      paramLabel = "NAME",
      description = "Attach the policy to this IAM role (repeatable).")
  List<String> roles = new ArrayList<>();

  @Option(
      names = "--group",
      paramLabel = "NAME",
      description = "Attach the policy to this IAM group (repeatable).")
  List<String> groups = new ArrayList<>();

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Attach the policy to this IAM user (repeatable).")
  List<String> users = new ArrayList<>();

  @Option(
      names = "--policy-name",
      paramLabel = "NAME",
      defaultValue = GuardDutyAdminPolicy.DEFAULT_NAME,
      description = "Name of the customer-managed policy (default: ${DEFAULT-VALUE}).")
  String policyName = GuardDutyAdminPolicy.DEFAULT_NAME;

  @Option(
      names = "--adopt",
      description =
          "Take over a policy of that name that irctl did not create: tag it and add irctl's statements.")
  boolean adopt;

  public boolean hasPrincipals() {
    return !(roles.isEmpty() && groups.isEmpty() && users.isEmpty());
  }

  public boolean adopt() {
    return adopt;
  }

  /** The checked policy name; a bad one is a usage error before any call. */
  public String policyName() {
    checkName("--policy-name", policyName, 128);
    return policyName;
  }

  /** The named principals, each checked against IAM's name rules (usage errors before any call). */
  public List<Principal> principals() {
    List<Principal> principals = new ArrayList<>();
    roles.forEach(n -> principals.add(principal(PrincipalKind.ROLE, n, 64)));
    groups.forEach(n -> principals.add(principal(PrincipalKind.GROUP, n, 128)));
    users.forEach(n -> principals.add(principal(PrincipalKind.USER, n, 64)));
    return principals;
  }

  private static Principal principal(PrincipalKind kind, String name, int maxLength) {
    checkName(Flags.of(kind), name, maxLength);
    return new Principal(kind, name);
  }

  private static void checkName(String flag, String name, int maxLength) {
    if (name.startsWith("arn:") || name.contains("/")) {
      throw UserException.usage(flag + " " + name + ": give the name alone, not an ARN or path.");
    }
    if (!name.matches(NAME_CHARS + "{1," + maxLength + "}")) {
      throw UserException.usage(
          flag
              + " '"
              + name
              + "' is not a valid IAM name: 1 to "
              + maxLength
              + " letters, digits and + = , . @ _ - characters.");
    }
  }
}
