package dev.irctl.engine.iam;

import dev.irctl.engine.permissions.ActionScope;
import java.util.Map;

/**
 * The role GuardDuty creates for itself on CreateDetector. Whoever enables GuardDuty needs {@code
 * iam:CreateServiceLinkedRole} on exactly this role, for exactly this service, and no more.
 */
public final class GuardDutyServiceLinkedRole {
  public static final String SERVICE = "guardduty.amazonaws.com";
  static final String ARN_TEMPLATE =
      "arn:${Partition}:iam::${AccountId}:role/aws-service-role/"
          + SERVICE
          + "/AWSServiceRoleForAmazonGuardDuty";

  /** The grant the seed's policy makes, as a scope for the generated policy. */
  public static final ActionScope SCOPE =
      new ActionScope(
          "GuardDutyServiceLinkedRole",
          ARN_TEMPLATE,
          Map.of("StringLike", Map.of("iam:AWSServiceName", SERVICE)));

  /**
   * Adding or activating a threat intel or trusted IP list has GuardDuty put an inline policy on
   * its role, so the caller needs iam:PutRolePolicy and iam:DeleteRolePolicy on that role
   * (GuardDuty's list prerequisites page).
   */
  public static final ActionScope LISTS_SCOPE =
      new ActionScope("GuardDutyListsOnServiceLinkedRole", ARN_TEMPLATE, Map.of());

  private GuardDutyServiceLinkedRole() {}

  public static String arn(String partition, String accountId) {
    return SCOPE.resource(partition, accountId);
  }
}
