package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a schema-valid rule document to a {@link Rule}. Done by hand rather than by data binding:
 * the schema has already checked every field, and skipping databind's reflection keeps start-up
 * cheap.
 */
final class RuleReader {
  private RuleReader() {}

  static Rule read(JsonNode node, String file) {
    return new Rule(
        node.path("id").asText(),
        node.path("title").asText(),
        node.path("description").asText(),
        node.path("rationale").asText(),
        Severity.fromId(node.path("severity").asText()),
        node.path("category").asText(),
        Scope.fromId(node.path("scope").asText()),
        node.path("scopeNote").asText(),
        ManagementEvents.fromId(node.path("managementEvents").asText("write")),
        parameters(node.path("parameters")),
        strings(node.path("prerequisites")),
        strings(node.path("references")),
        (ObjectNode) node.path("eventPattern"),
        new RuleExamples(
            nodes(node.path("examples").path("match")),
            nodes(node.path("examples").path("noMatch"))),
        file,
        node.path("watchesAlertPath").asBoolean(false),
        ConsoleSignIns.fromId(node.path("consoleSignIns").asText("")));
  }

  private static List<RuleParameter> parameters(JsonNode array) {
    List<RuleParameter> parameters = new ArrayList<>();
    for (JsonNode p : array) {
      parameters.add(
          new RuleParameter(
              p.path("name").asText(),
              p.path("description").asText(),
              RuleParameter.Type.fromId(p.path("type").asText()),
              p.path("required").asBoolean(),
              values(p.path("example")),
              p.has("default") ? Optional.of(values(p.path("default"))) : Optional.empty()));
    }
    return parameters;
  }

  /** A parameter value: a string is a one-element list. */
  private static List<String> values(JsonNode value) {
    return value.isArray() ? strings(value) : List.of(value.asText());
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(element -> strings.add(element.asText()));
    return strings;
  }

  private static List<JsonNode> nodes(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes;
  }
}
