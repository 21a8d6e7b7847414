package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.UserException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * Which rules would fire for an event, with EventBridge's own matching library (event-ruler). All
 * patterns are compiled once into one {@link Machine}, so matching an event costs one pass however
 * many rules there are. Safe for concurrent {@link #matches} calls once built.
 */
public final class CatalogMatcher {
  private final Machine machine;
  private final Map<String, Rule> rulesById;
  private final FieldFilter fieldFilter;
  private final RulePrefilter prefilter;

  private CatalogMatcher(
      Machine machine,
      Map<String, Rule> rulesById,
      FieldFilter fieldFilter,
      RulePrefilter prefilter) {
    this.machine = machine;
    this.rulesById = rulesById;
    this.fieldFilter = fieldFilter;
    this.prefilter = prefilter;
  }

  /** A usage error naming the rule if event-ruler rejects its pattern. */
  public static CatalogMatcher compile(Collection<RenderedRule> rules) {
    Machine machine = new Machine();
    Map<String, Rule> rulesById = new HashMap<>();
    for (RenderedRule rendered : rules) {
      try {
        machine.addRule(rendered.id(), rendered.pattern().toString());
      } catch (Exception e) {
        throw UserException.usage(
            rendered.rule().file()
                + ": event-ruler rejects the event pattern of rule "
                + rendered.id()
                + ": "
                + firstLine(e.getMessage()));
      }
      rulesById.put(rendered.id(), rendered.rule());
    }
    return new CatalogMatcher(
        machine,
        rulesById,
        FieldFilter.forPatterns(rules.stream().map(RenderedRule::pattern).toList()),
        RulePrefilter.forRules(rules));
  }

  /** Every rule rendered with its parameters' examples: the machine {@code rules test} uses. */
  public static CatalogMatcher forExamples(Collection<Rule> rules) {
    PatternRenderer renderer = new PatternRenderer();
    return compile(
        rules.stream()
            .map(rule -> new RenderedRule(rule, renderer.renderWithExamples(rule)))
            .toList());
  }

  /**
   * The event fields these rules can look at: give it to {@link EventReader} to skip the rest while
   * parsing.
   */
  public FieldFilter fieldFilter() {
    return fieldFilter;
  }

  /** Ids of the rules that would fire, sorted. The event must be an EventBridge envelope. */
  public List<String> matches(JsonNode event) {
    if (!prefilter.mayMatch(event)) {
      // No rule's demands on source, detail-type, event name... hold: the Machine would say none.
      return List.of();
    }
    return machineMatches(event);
  }

  boolean prefilterPasses(JsonNode event) {
    return prefilter.mayMatch(event);
  }

  /** {@link #matches} without the prefilter: the Machine alone (tests compare the two). */
  List<String> machineMatches(JsonNode event) {
    List<String> ids = new ArrayList<>(machine.rulesForJSONEvent(event));
    ids.removeIf(id -> !EventDelivery.reaches(rulesById.get(id), event));
    if (ids.size() > 1) {
      // event-ruler may report a rule once per matching $or branch.
      return ids.stream().distinct().sorted().toList();
    }
    return ids;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "invalid pattern";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
