package dev.irctl.engine.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.FieldDiff;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * IAM policy documents compared the way IAM reads them, never as strings: key order, whitespace, a
 * single value versus a one-element list, and the order of statements, actions, resources and
 * condition values do not matter.
 */
public final class PolicyDocuments {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Statement fields whose value is a string or a list of strings, read as a set. */
  private static final Set<String> SET_FIELDS =
      Set.of("Action", "NotAction", "Resource", "NotResource");

  private PolicyDocuments() {}

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a JSON policy document: " + e.getOriginalMessage(), e);
    }
  }

  /** Compact JSON, as sent to IAM. */
  public static String compact(JsonNode document) {
    return document.toString();
  }

  public static boolean equivalent(JsonNode a, JsonNode b) {
    return normalize(a).equals(normalize(b));
  }

  /**
   * What changes from {@code before} to {@code after}: one diff per top-level field that differs
   * and one per statement removed ({@code after} null) or added ({@code before} null), each
   * statement as compact JSON.
   */
  public static List<FieldDiff> diff(JsonNode before, JsonNode after) {
    ObjectNode a = normalize(before);
    ObjectNode b = normalize(after);
    List<FieldDiff> diffs = new ArrayList<>();
    TreeSet<String> fields = new TreeSet<>();
    a.fieldNames().forEachRemaining(fields::add);
    b.fieldNames().forEachRemaining(fields::add);
    fields.remove("Statement");
    for (String field : fields) {
      if (!java.util.Objects.equals(a.get(field), b.get(field))) {
        diffs.add(FieldDiff.of(field, text(a.get(field)), text(b.get(field))));
      }
    }
    List<String> removed = statements(a);
    List<String> added = statements(b);
    List<String> common = new ArrayList<>(removed);
    common.retainAll(added);
    for (String statement : common) {
      removed.remove(statement);
      added.remove(statement);
    }
    removed.forEach(s -> diffs.add(FieldDiff.of("statement", s, null)));
    added.forEach(s -> diffs.add(FieldDiff.of("statement", null, s)));
    return diffs;
  }

  /**
   * The canonical form: keys sorted, single values as lists, set-like lists sorted, statements
   * sorted.
   */
  public static ObjectNode normalize(JsonNode document) {
    if (!document.isObject()) {
      throw new IllegalArgumentException("a policy document is a JSON object");
    }
    ObjectNode out = NODES.objectNode();
    for (String field : sortedFields(document)) {
      JsonNode value = document.get(field);
      out.set(field, field.equals("Statement") ? normalizeStatements(value) : sortKeys(value));
    }
    return out;
  }

  private static ArrayNode normalizeStatements(JsonNode value) {
    TreeMap<String, List<JsonNode>> byText = new TreeMap<>();
    for (JsonNode statement : asList(value)) {
      JsonNode normal = statement.isObject() ? normalizeStatement(statement) : statement;
      byText.computeIfAbsent(normal.toString(), k -> new ArrayList<>()).add(normal);
    }
    ArrayNode out = NODES.arrayNode();
    byText.values().forEach(out::addAll);
    return out;
  }

  private static ObjectNode normalizeStatement(JsonNode statement) {
    ObjectNode out = NODES.objectNode();
    for (String field : sortedFields(statement)) {
      JsonNode value = statement.get(field);
      if (SET_FIELDS.contains(field)) {
        out.set(field, sortedSet(value));
      } else if (field.equals("Condition") && value.isObject()) {
        out.set(field, normalizeCondition(value));
      } else {
        out.set(field, sortKeys(value));
      }
    }
    return out;
  }

  private static ObjectNode normalizeCondition(JsonNode condition) {
    ObjectNode out = NODES.objectNode();
    for (String operator : sortedFields(condition)) {
      JsonNode keys = condition.get(operator);
      ObjectNode normalKeys = NODES.objectNode();
      if (keys.isObject()) {
        for (String key : sortedFields(keys)) {
          normalKeys.set(key, sortedSet(keys.get(key)));
        }
        out.set(operator, normalKeys);
      } else {
        out.set(operator, keys);
      }
    }
    return out;
  }

  private static ArrayNode sortedSet(JsonNode value) {
    TreeSet<String> items = new TreeSet<>();
    for (JsonNode item : asList(value)) {
      items.add(item.isTextual() ? item.textValue() : item.toString());
    }
    ArrayNode out = NODES.arrayNode();
    items.forEach(out::add);
    return out;
  }

  private static JsonNode sortKeys(JsonNode value) {
    if (value.isObject()) {
      ObjectNode out = NODES.objectNode();
      sortedFields(value).forEach(field -> out.set(field, sortKeys(value.get(field))));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      value.forEach(item -> out.add(sortKeys(item)));
      return out;
    }
    return value;
  }

  private static List<JsonNode> asList(JsonNode value) {
    List<JsonNode> items = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    return items;
  }

  private static TreeSet<String> sortedFields(JsonNode node) {
    TreeSet<String> fields = new TreeSet<>();
    Iterator<String> names = node.fieldNames();
    names.forEachRemaining(fields::add);
    return fields;
  }

  private static List<String> statements(ObjectNode normalized) {
    List<String> out = new ArrayList<>();
    JsonNode statements = normalized.get("Statement");
    if (statements != null) {
      statements.forEach(s -> out.add(s.toString()));
    }
    return out;
  }

  private static String text(JsonNode value) {
    if (value == null) {
      return null;
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }
}
