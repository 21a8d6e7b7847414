package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.PolicyStatements;
import java.util.List;
import java.util.Optional;

/**
 * Whether a KMS key policy lets EventBridge use the key that encrypts the topic: {@code
 * events.amazonaws.com} must be allowed {@code kms:Decrypt} and {@code kms:GenerateDataKey*}, or
 * publishing fails silently. Conditions are not evaluated; an Allow statement for the service with
 * the actions is taken as enough.
 */
public final class KeyPolicyCheck {
  static final List<String> NEEDED = List.of("kms:Decrypt", "kms:GenerateDataKey");
  private static final String EVENTS = "events.amazonaws.com";

  private KeyPolicyCheck() {}

  /** The statements that allow EventBridge (by its service principal, or everyone) on the key. */
  public static List<JsonNode> grants(String policy) {
    return PolicyStatements.of(policy).stream()
        .filter(s -> PolicyStatements.allows(s) && PolicyStatements.coversService(s, EVENTS))
        .toList();
  }

  /**
   * The actions EventBridge lacks (empty when the policy is fine); an unreadable policy lacks them
   * all.
   */
  public static List<String> missingActions(String policy) {
    return missingActions(grants(policy));
  }

  /** The actions none of these {@link #grants} covers. */
  public static List<String> missingActions(List<JsonNode> grants) {
    return NEEDED.stream()
        .filter(action -> grants.stream().noneMatch(s -> PolicyStatements.coversAction(s, action)))
        .toList();
  }

  /** The warning a user reads, or empty. */
  public static Optional<String> warning(String keyArn, String policy) {
    List<String> missing = missingActions(policy);
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "the policy of KMS key "
            + keyArn
            + " does not let events.amazonaws.com use "
            + String.join(
                " and ",
                missing.stream()
                    .map(a -> a.equals("kms:GenerateDataKey") ? "kms:GenerateDataKey*" : a)
                    .toList())
            + ": EventBridge cannot publish to the encrypted topic and alerts will be lost silently. Add a statement"
            + " allowing the service principal events.amazonaws.com kms:Decrypt and kms:GenerateDataKey*.");
  }
}
