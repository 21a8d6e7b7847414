package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds parameter placeholders: JSON strings that are exactly {@code "${name}"} (never part of a
 * longer string).
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

  /** Every placeholder name in the pattern, in document order. */
  static Set<String> in(JsonNode pattern) {
    Set<String> names = new LinkedHashSet<>();
    collect(pattern, names);
    return names;
  }

  /** Strings that contain "${" but are not a whole placeholder: the format does not expand them. */
  static Set<String> partial(JsonNode pattern) {
    Set<String> strings = new LinkedHashSet<>();
    collectPartial(pattern, strings);
    return strings;
  }

  private static void collect(JsonNode node, Set<String> names) {
    nameOf(node).ifPresent(names::add);
    node.forEach(child -> collect(child, names));
  }

  private static void collectPartial(JsonNode node, Set<String> strings) {
    if (node.isTextual() && node.textValue().contains("${") && nameOf(node).isEmpty()) {
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
