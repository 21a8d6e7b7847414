package dev.irctl.engine.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * irctl never drops a statement it did not write. Its own statements carry a Sid starting with
 * {@code Irctl}; any other statement in the current default version (someone's addition, or an
 * adopted policy's own grants) is carried into the new version, unless it grants exactly what one
 * of irctl's statements grants.
 */
public final class ForeignStatements {
  public static final String OWNED_SID_PREFIX = "Irctl";

  private ForeignStatements() {}

  /** {@code desired} plus the statements of {@code existing} that irctl did not write. */
  public static JsonNode keep(JsonNode desired, JsonNode existing) {
    List<JsonNode> foreign = foreign(desired, existing);
    if (foreign.isEmpty()) {
      return desired;
    }
    ObjectNode merged = desired.deepCopy();
    ArrayNode statements = merged.putArray("Statement");
    statements(desired).forEach(statements::add);
    foreign.forEach(statements::add);
    return merged;
  }

  /**
   * The statements of {@code existing} that are not irctl's and not a copy of one of {@code
   * desired}'s.
   */
  public static List<JsonNode> foreign(JsonNode desired, JsonNode existing) {
    List<JsonNode> ours = statements(desired).stream().map(ForeignStatements::withoutSid).toList();
    List<JsonNode> foreign = new ArrayList<>();
    for (JsonNode statement : statements(existing)) {
      boolean owned = statement.path("Sid").asText("").startsWith(OWNED_SID_PREFIX);
      boolean duplicate =
          ours.stream().anyMatch(o -> equivalentStatement(o, withoutSid(statement)));
      if (!owned && !duplicate) {
        foreign.add(statement);
      }
    }
    return foreign;
  }

  private static boolean equivalentStatement(JsonNode a, JsonNode b) {
    return PolicyDocuments.normalize(wrap(a)).equals(PolicyDocuments.normalize(wrap(b)));
  }

  private static JsonNode wrap(JsonNode statement) {
    ObjectNode document = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    document.putArray("Statement").add(statement);
    return document;
  }

  private static JsonNode withoutSid(JsonNode statement) {
    if (!statement.isObject()) {
      return statement;
    }
    ObjectNode copy = statement.deepCopy();
    copy.remove("Sid");
    return copy;
  }

  private static List<JsonNode> statements(JsonNode document) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode statements = document.path("Statement");
    if (statements.isArray()) {
      statements.forEach(out::add);
    } else if (!statements.isMissingNode()) {
      out.add(statements);
    }
    return out;
  }
}
