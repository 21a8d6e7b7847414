package dev.irctl.engine.account;

import dev.irctl.engine.guardduty.DesiredDetector;
import dev.irctl.engine.iam.InstallPolicy;
import dev.irctl.engine.iam.Principal;
import dev.irctl.engine.rules.ApplyRulesRequest;
import java.util.List;
import java.util.Optional;

/**
 * What plan and apply bring the account to, already checked: the detector in every region, the
 * rules and topic in every region, and the IAM policy when principals were named ({@code iam} empty
 * means the IAM part is skipped).
 */
public record AccountRequest(
    DesiredDetector guardDuty, ApplyRulesRequest rules, Optional<IamRequest> iam) {

  /** install-policy's request without its dry-run switch: plan and apply decide that. */
  public record IamRequest(String policyName, List<Principal> principals, boolean adopt) {
    public IamRequest {
      principals = List.copyOf(principals);
    }

    InstallPolicy.Request forRun(boolean dryRun) {
      return new InstallPolicy.Request(policyName, principals, adopt, dryRun);
    }
  }

  /** Why the IAM part is skipped, as a user reads it. */
  public static final String IAM_SKIPPED =
      "no principals named (--role, --group, --user or iam.roles, iam.groups, iam.users in irctl.yaml), so the"
          + " IAM policy was not checked";
}
