package dev.irctl.cli;

import dev.irctl.engine.account.AccountRequest;
import dev.irctl.engine.account.AccountRequest.IamRequest;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * plan's and apply's settings: enable-guardduty's, apply-rules' and install-policy's flags under
 * the same names, so one irctl.yaml drives all of them.
 */
@Command
public final class AccountOptions {
  @Mixin GuardDutyOptions guardDuty;
  @Mixin RuleOptions rules;
  @Mixin PolicyOptions policy;

  /**
   * Every flag checked offline, GuardDuty's first, then the catalog, then IAM names: usage errors
   * before any call.
   */
  public AccountRequest request() {
    var detector = guardDuty.desired();
    var rulesRequest = rules.request();
    Optional<IamRequest> iam =
        policy.hasPrincipals()
            ? Optional.of(new IamRequest(policy.policyName(), policy.principals(), policy.adopt()))
            : Optional.empty();
    return new AccountRequest(detector, rulesRequest, iam);
  }
}
