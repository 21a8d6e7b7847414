package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds parameter placeholders: JSON strings that are exactly {@code "${name}"}, and {@code
 * ${name}} embedded in a longer string value ({@code "arn:aws*:sns:*:*:${topicName}"}), which only
 * a {@code string} parameter that always has a value may fill. Object keys are never expanded.
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private Placeholders() {}

  /** The parameter name if this node is a placeholder. */
  static Optional<String> nameOf(JsonNode node) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    Matcher matcher = PLACEHOLDER.matcher(node.textValue());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The names embedded in a longer string value; empty for a whole placeholder or plain text. */
  static Set<String> embeddedIn(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    if (node.isTextual() && nameOf(node).isEmpty()) {
      Matcher matcher = PLACEHOLDER.matcher(node.textValue());
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** The text with each embedded {@code ${name}} replaced by its value. */
  static String expand(String text, java.util.function.Function<String, String> value) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(result, Matcher.quoteReplacement(value.apply(matcher.group(1))));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** Every name embedded in a longer string anywhere in the pattern. */
  static Set<String> embedded(JsonNode pattern) {
    Set<String> names = new LinkedHashSet<>();
    collectEmbedded(pattern, names);
    return names;
  }

  /** Every placeholder name in the pattern (whole and embedded), in document order. */
  static Set<String> in(JsonNode pattern) {
    Set<String> names = new LinkedHashSet<>();
    collect(pattern, names);
    return names;
  }

  /**
   * Keys that contain "${", and strings with a "${" that is no placeholder: the format does not
   * expand them.
   */
  static Set<String> partial(JsonNode pattern) {
    Set<String> strings = new LinkedHashSet<>();
    collectPartial(pattern, strings);
    return strings;
  }

  private static void collect(JsonNode node, Set<String> names) {
    nameOf(node).ifPresent(names::add);
    names.addAll(embeddedIn(node));
    node.forEach(child -> collect(child, names));
  }

  private static void collectEmbedded(JsonNode node, Set<String> names) {
    names.addAll(embeddedIn(node));
    node.forEach(child -> collectEmbedded(child, names));
  }

  private static void collectPartial(JsonNode node, Set<String> strings) {
    if (node.isTextual()
        && nameOf(node).isEmpty()
        && node.textValue().replaceAll(PLACEHOLDER.pattern(), "").contains("${")) {
      strings.add(node.textValue());
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().contains("${")) {
          strings.add(field.getKey());
        }
      }
    }
    node.forEach(child -> collectPartial(child, strings));
  }
}
