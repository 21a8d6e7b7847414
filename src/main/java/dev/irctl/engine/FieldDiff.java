package dev.irctl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One field that differs between what exists and what should, as JSON values (a pattern is a tree,
 * not a string holding JSON): {@code before} is null when absent, {@code after} when removed.
 */
public record FieldDiff(String field, JsonNode before, JsonNode after) {
  public FieldDiff(String field, String before, String after) {
    this(field, value(before), value(after));
  }

  public static FieldDiff of(String field, Object before, Object after) {
    return new FieldDiff(field, value(before), value(after));
  }

  /**
   * A value as a JSON node: trees stay trees, numbers and booleans stay typed, the rest is text.
   */
  public static JsonNode value(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (value instanceof Integer i) {
      return IntNode.valueOf(i);
    }
    if (value instanceof Long l) {
      return LongNode.valueOf(l);
    }
    if (value instanceof Enum<?> e) {
      return TextNode.valueOf(e.name());
    }
    return TextNode.valueOf(value.toString());
  }

  /** A value as a reviewer reads it: text without quotes, trees as compact JSON. */
  public static String text(JsonNode value) {
    if (value == null) {
      return "(none)";
    }
    return value.isTextual() ? value.asText() : value.toString();
  }
}
