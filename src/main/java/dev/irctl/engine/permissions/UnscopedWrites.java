package dev.irctl.engine.permissions;

import java.util.Map;
import java.util.TreeMap;

/**
 * The write actions irctl grants on {@code *}, each because the Service Authorization Reference
 * lists no resource type for it (so IAM accepts only {@code *}). Every other write is scoped
 * ({@link IrctlScopes}); a test fails on any write on {@code *} not listed here, and
 * docs/permissions.md names each with its reason.
 */
public final class UnscopedWrites {
  public static final Map<String, String> REASONS =
      java.util.Collections.unmodifiableMap(
          new TreeMap<>(
              Map.of(
                  "guardduty:CreateDetector",
                  "no resource type: the detector does not exist before the call",
                  "guardduty:CreateIPSet",
                  "no resource type in the Service Authorization Reference",
                  "guardduty:CreateThreatIntelSet",
                  "no resource type in the Service Authorization Reference",
                  "guardduty:EnableOrganizationAdminAccount",
                  "no resource type in the Service Authorization Reference; only the management"
                      + " account can call it (org delegate)",
                  "organizations:EnableAWSServiceAccess",
                  "no resource type in the Service Authorization Reference; granted only with the"
                      + " condition organizations:ServicePrincipal = guardduty.amazonaws.com",
                  "organizations:RegisterDelegatedAdministrator",
                  "called by GuardDuty on the caller's behalf during"
                      + " EnableOrganizationAdminAccount; its account resource would name the"
                      + " administrator, which is chosen per run, so it is granted on * with the"
                      + " condition organizations:ServicePrincipal = guardduty.amazonaws.com (as"
                      + " GuardDuty's own guide grants it on *)",
                  "logs:PutResourcePolicy",
                  "an account-level resource policy has no resource type; irctl writes only its"
                      + " own policy irctl-eventbridge-alert-path and keeps every other statement"
                      + " in it",
                  "sns:Unsubscribe",
                  "no resource type in the Service Authorization Reference (the request names a"
                      + " subscription, not a topic); drill unsubscribes only the subscription it"
                      + " made")));

  private UnscopedWrites() {}
}
