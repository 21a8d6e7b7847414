package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.UserException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Substitutes parameter values into a rule's event pattern, as docs/rule-format.md says:
 *
 * <ul>
 *   <li>{@code ${name}} inside a longer string value is replaced by a {@code string} parameter's
 *       value (the value is used as it is: a {@code *} in it is a wildcard where the string is
 *       one);
 *   <li>inside an array, a {@code stringList} value is spliced in and a {@code string} value
 *       replaces the element;
 *   <li>as an object member's value, a {@code string} becomes {@code [value]} and a {@code
 *       stringList} the array;
 *   <li>a value comes from the settings ({@code --set name=value}, lists comma-separated), else the
 *       default; a required parameter without either is a usage error that names the rule and the
 *       flag to add;
 *   <li>an optional parameter with neither drops out: its array elements disappear, and an object
 *       member whose value it was (or whose array it emptied) is removed, so the pattern stops
 *       constraining that field.
 * </ul>
 *
 * The rule's own pattern is never modified; each call returns a fresh tree.
 */
public final class PatternRenderer {
  /**
   * The pattern with the user's values. Settings for names this rule does not declare are ignored,
   * so one map of {@code --set} values can drive a whole catalog; check the names first with {@link
   * #rejectUnknown}.
   */
  public ObjectNode render(Rule rule, Map<String, String> settings) {
    Map<String, List<String>> values = new HashMap<>();
    for (RuleParameter parameter : rule.parameters()) {
      resolve(rule, parameter, settings).ifPresent(value -> values.put(parameter.name(), value));
    }
    return substitute(rule, values);
  }

  /**
   * The pattern with every parameter's {@code example}: what {@code rules test} and {@code rules
   * validate} check.
   */
  public ObjectNode renderWithExamples(Rule rule) {
    Map<String, List<String>> values = new HashMap<>();
    rule.parameters().forEach(parameter -> values.put(parameter.name(), parameter.example()));
    return substitute(rule, values);
  }

  /**
   * Whether the rule can be rendered with these settings (every required parameter is set or
   * defaulted).
   */
  public boolean canRender(Rule rule, Map<String, String> settings) {
    return missing(rule, settings).isEmpty();
  }

  /** The required parameters that have neither a setting nor a default. */
  public List<RuleParameter> missing(Rule rule, Map<String, String> settings) {
    return rule.parameters().stream()
        .filter(p -> p.required() && p.defaultValue().isEmpty() && !settings.containsKey(p.name()))
        .toList();
  }

  /** A usage error for any setting that none of these rules declares. */
  public static void rejectUnknown(Collection<Rule> rules, Map<String, String> settings) {
    Set<String> known = new TreeSet<>();
    rules.forEach(rule -> rule.parameters().forEach(p -> known.add(p.name())));
    for (String name : new TreeSet<>(settings.keySet())) {
      if (!known.contains(name)) {
        String what =
            rules.size() == 1
                ? "rule " + rules.iterator().next().id() + " has no parameter " + name
                : "no rule in the catalog has a parameter " + name;
        throw UserException.usage(
            "--set "
                + name
                + ": "
                + what
                + (known.isEmpty()
                    ? (rules.size() == 1
                        ? " (it takes no parameters)."
                        : " (no rule in the catalog takes parameters).")
                    : "; known parameters: "
                        + String.join(", ", known)
                        + "."
                        + dev.irctl.Suggestion.didYouMean(name, known)));
      }
    }
  }

  private static Optional<List<String>> resolve(
      Rule rule, RuleParameter parameter, Map<String, String> settings) {
    String setting = settings.get(parameter.name());
    if (setting != null) {
      return Optional.of(parse(parameter, setting));
    }
    if (parameter.defaultValue().isPresent()) {
      return parameter.defaultValue();
    }
    if (parameter.required()) {
      throw UserException.usage(
          "rule "
              + rule.id()
              + " needs parameter "
              + parameter.name()
              + ": add --set "
              + parameter.name()
              + "=<value> (example: "
              + parameter.exampleText()
              + ")");
    }
    return Optional.empty();
  }

  private static List<String> parse(RuleParameter parameter, String setting) {
    List<String> values =
        parameter.type() == RuleParameter.Type.STRING_LIST
            ? Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList()
            : List.of(setting);
    if (values.isEmpty() || values.get(0).isEmpty()) {
      throw UserException.usage(
          "--set "
              + parameter.name()
              + "= needs a value (example: --set "
              + parameter.name()
              + "="
              + parameter.exampleText()
              + ")");
    }
    return values;
  }

  private static ObjectNode substitute(Rule rule, Map<String, List<String>> values) {
    return (ObjectNode) new Substitution(rule, values).node(rule.eventPattern());
  }

  /** One rendering pass; {@code values} has no entry for an optional parameter that drops out. */
  private record Substitution(Rule rule, Map<String, List<String>> values) {
    JsonNode node(JsonNode node) {
      if (node.isObject()) {
        return object(node);
      }
      if (node.isArray()) {
        return array(node);
      }
      if (!Placeholders.embeddedIn(node).isEmpty()) {
        return JsonNodeFactory.instance.textNode(
            Placeholders.expand(node.textValue(), this::embeddedValue));
      }
      return node.deepCopy();
    }

    /** A value inside a longer string: exactly one, never dropped out. */
    private String embeddedValue(String name) {
      List<String> value =
          valueOf(name)
              .orElseThrow(
                  () ->
                      UserException.usage(
                          rule.file()
                              + ": ${"
                              + name
                              + "} is inside a longer string of rule "
                              + rule.id()
                              + ", so it needs a value: give the parameter a default or make it"
                              + " required."));
      if (value.size() != 1) {
        throw UserException.usage(
            rule.file()
                + ": ${"
                + name
                + "} is inside a longer string of rule "
                + rule.id()
                + ", so parameter "
                + name
                + " must be a string with one value, not a list.");
      }
      return value.get(0);
    }

    private ObjectNode object(JsonNode source) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : source.properties()) {
        JsonNode value = field.getValue();
        Optional<String> placeholder = Placeholders.nameOf(value);
        if (placeholder.isPresent()) {
          valueOf(placeholder.get()).ifPresent(list -> result.set(field.getKey(), arrayOf(list)));
          continue;
        }
        JsonNode rendered = node(value);
        if (!emptiedByDropout(value, rendered)) {
          result.set(field.getKey(), rendered);
        }
      }
      return result;
    }

    private ArrayNode array(JsonNode source) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      for (JsonNode element : source) {
        Optional<String> placeholder = Placeholders.nameOf(element);
        if (placeholder.isPresent()) {
          valueOf(placeholder.get()).ifPresent(list -> list.forEach(result::add));
        } else {
          JsonNode rendered = node(element);
          if (!emptiedByDropout(element, rendered)) {
            result.add(rendered);
          }
        }
      }
      return result;
    }

    /**
     * A container that had members and lost them all to optional parameters that dropped out: it
     * goes too, so {@code [{"anything-but": {"wildcard": "${p}"}}]} disappears as a whole.
     */
    private static boolean emptiedByDropout(JsonNode source, JsonNode rendered) {
      return source.isContainerNode() && !source.isEmpty() && rendered.isEmpty();
    }

    private Optional<List<String>> valueOf(String name) {
      if (rule.parameter(name).isEmpty()) {
        throw UserException.usage(
            rule.file()
                + ": the event pattern uses ${"
                + name
                + "} but rule "
                + rule.id()
                + " declares no parameter "
                + name
                + "; add it to \"parameters\".");
      }
      return Optional.ofNullable(values.get(name));
    }

    private static ArrayNode arrayOf(List<String> list) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      list.forEach(array::add);
      return array;
    }
  }
}
