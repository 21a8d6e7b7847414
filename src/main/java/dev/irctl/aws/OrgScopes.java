package dev.irctl.aws;

import dev.irctl.engine.permissions.ActionScope;
import java.util.Map;

/**
 * The narrow grants of the organization adapters: trusted access for GuardDuty only, and StackSets
 * writes on irctl's own stack sets only ({@code irctl-*}, e.g. {@code irctl-member-rules}), in any
 * region of the caller's account.
 */
final class OrgScopes {
  static final String GUARDDUTY_PRINCIPAL = "guardduty.amazonaws.com";

  static final ActionScope SERVICE_ACCESS =
      new ActionScope(
          "OrganizationsTrustedAccessForGuardDuty",
          "*",
          Map.of("StringEquals", Map.of("organizations:ServicePrincipal", GUARDDUTY_PRINCIPAL)));

  /** Stack set ARNs end in {@code :<stack set id>}; the name comes before it. */
  static final ActionScope IRCTL_STACK_SETS =
      new ActionScope(
          "IrctlStackSets", "arn:${Partition}:cloudformation:*:*:stackset/irctl-*", Map.of());

  private OrgScopes() {}
}
