package dev.irctl.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.catalog.Rule;
import dev.irctl.catalog.RuleParameter;
import java.util.List;

/** Rules as JSON for {@code --output json}: field names as in the rule file format. */
public final class RuleJson {
  private RuleJson() {}

  /** What {@code rules list} shows. */
  public static ObjectNode summary(Rule rule) {
    ObjectNode node = JsonOutput.object();
    node.put("id", rule.id());
    node.put("severity", rule.severity().id());
    node.put("scope", rule.scope().id());
    node.put("category", rule.category());
    node.put("managementEvents", rule.managementEvents().id());
    node.put("title", rule.title());
    return node;
  }

  /** Everything, plus the rendered pattern; the examples are left out (see the rule file). */
  public static ObjectNode full(Rule rule, JsonNode renderedPattern) {
    ObjectNode node = summary(rule);
    node.put("description", rule.description());
    node.put("rationale", rule.rationale());
    node.put("scopeNote", rule.scopeNote());
    node.put("ruleState", rule.managementEvents().ruleState());
    node.put("watchesAlertPath", rule.watchesAlertPath());
    if (rule.consoleSignIns() != dev.irctl.catalog.ConsoleSignIns.NONE) {
      node.put("consoleSignIns", rule.consoleSignIns().id());
    }
    node.put("eventBridgeRuleName", rule.eventBridgeName());
    ArrayNode parameters = node.putArray("parameters");
    for (RuleParameter p : rule.parameters()) {
      ObjectNode parameter = parameters.addObject();
      parameter.put("name", p.name());
      parameter.put("description", p.description());
      parameter.put("type", p.type().id());
      parameter.put("required", p.required());
      parameter.set("example", values(p, p.example()));
      p.defaultValue().ifPresent(value -> parameter.set("default", values(p, value)));
    }
    strings(node.putArray("prerequisites"), rule.prerequisites());
    strings(node.putArray("references"), rule.references());
    node.set("eventPattern", rule.eventPattern());
    node.set("renderedPattern", renderedPattern);
    node.put("file", rule.file());
    return node;
  }

  private static JsonNode values(RuleParameter parameter, List<String> values) {
    if (parameter.type() == RuleParameter.Type.STRING) {
      return JsonOutput.object().textNode(values.get(0));
    }
    ArrayNode array = JsonOutput.object().arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
