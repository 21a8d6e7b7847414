package dev.irctl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading IAM-style policy documents (topic and key policies) as parsed JSON: statements,
 * principals, actions.
 */
public final class PolicyStatements {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyStatements() {}

  /** The statements of a policy document; an unreadable document has none. */
  public static List<JsonNode> of(String document) {
    List<JsonNode> statements = new ArrayList<>();
    try {
      JsonNode node = JSON.readTree(document).path("Statement");
      if (node.isArray()) {
        node.forEach(statements::add);
      } else if (node.isObject()) {
        statements.add(node);
      }
    } catch (Exception e) {
      // unreadable: no statements
    }
    return statements;
  }

  public static boolean allows(JsonNode statement) {
    return "Allow".equals(statement.path("Effect").asText());
  }

  public static boolean denies(JsonNode statement) {
    return "Deny".equals(statement.path("Effect").asText());
  }

  /** The statement names this service principal, or everyone ({@code *}). */
  public static boolean coversService(JsonNode statement, String service) {
    JsonNode principal = statement.path("Principal");
    if (principal.isTextual()) {
      return "*".equals(principal.asText());
    }
    return values(principal.path("Service")).contains(service)
        || values(principal.path("AWS")).contains("*");
  }

  public static boolean namesService(JsonNode statement, String service) {
    return values(statement.path("Principal").path("Service")).contains(service);
  }

  public static boolean coversAction(JsonNode statement, String action) {
    return values(statement.path("Action")).stream().anyMatch(p -> matches(p, action));
  }

  public static List<String> values(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    }
    return values;
  }

  /** IAM action patterns: case-insensitive, {@code *} and {@code ?} wildcards. */
  public static boolean matches(String pattern, String action) {
    String regex =
        pattern.toLowerCase(Locale.ROOT).replace(".", "\\.").replace("?", ".").replace("*", ".*");
    return action.toLowerCase(Locale.ROOT).matches(regex);
  }
}
