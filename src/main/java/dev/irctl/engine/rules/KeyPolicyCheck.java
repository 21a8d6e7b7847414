package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeyPolicyCheck() {}

  /**
   * The actions EventBridge lacks (empty when the policy is fine); an unreadable policy lacks them
   * all.
   */
  public static List<String> missingActions(String policy) {
    JsonNode root;
    try {
      root = JSON.readTree(policy);
    } catch (Exception e) {
      return NEEDED;
    }
    List<String> missing = new ArrayList<>(NEEDED);
    JsonNode statements = root.path("Statement");
    for (JsonNode statement :
        statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
      if ("Allow".equals(statement.path("Effect").asText())
          && allowsEvents(statement.path("Principal"))) {
        missing.removeIf(
            action -> values(statement.path("Action")).stream().anyMatch(p -> matches(p, action)));
      }
    }
    return missing;
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

  private static boolean allowsEvents(JsonNode principal) {
    if (principal.isTextual()) {
      return "*".equals(principal.asText());
    }
    return values(principal.path("Service")).contains("events.amazonaws.com")
        || values(principal.path("AWS")).contains("*");
  }

  private static List<String> values(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    }
    return values;
  }

  /** IAM action patterns: case-insensitive, {@code *} and {@code ?} wildcards. */
  private static boolean matches(String pattern, String action) {
    String regex =
        pattern
            .toLowerCase(java.util.Locale.ROOT)
            .replace(".", "\\.")
            .replace("?", ".")
            .replace("*", ".*");
    return action.toLowerCase(java.util.Locale.ROOT).matches(regex);
  }
}
