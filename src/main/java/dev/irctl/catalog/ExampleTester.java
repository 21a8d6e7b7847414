package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs every rule's examples through event-ruler with EventBridge's semantics: each {@code match}
 * event must fire its rule, each {@code noMatch} must not. Patterns are rendered with their
 * parameters' examples and compiled into one machine for the whole catalog.
 */
public final class ExampleTester {
  public List<ExampleResult> run(Collection<Rule> rules) {
    CatalogMatcher matcher = CatalogMatcher.forExamples(rules);
    List<ExampleResult> results = new ArrayList<>();
    for (Rule rule : rules) {
      run(matcher, rule, ExampleResult.Kind.MATCH, rule.examples().match(), results);
      run(matcher, rule, ExampleResult.Kind.NO_MATCH, rule.examples().noMatch(), results);
    }
    return results;
  }

  private static void run(
      CatalogMatcher matcher,
      Rule rule,
      ExampleResult.Kind kind,
      List<JsonNode> events,
      List<ExampleResult> results) {
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      // event-ruler itself, without the prefilter's shortcuts (rules match takes those): this is
      // the check that a pattern does under EventBridge's matching what its examples say.
      List<String> fired = matcher.machineMatches(event);
      boolean shouldFire = kind == ExampleResult.Kind.MATCH;
      boolean passed = fired.contains(rule.id()) == shouldFire;
      results.add(
          new ExampleResult(
              rule.id(),
              kind,
              i + 1,
              label(event),
              passed,
              fired,
              passed ? Optional.empty() : Optional.of(reason(rule, event, shouldFire))));
    }
  }

  private static String reason(Rule rule, JsonNode event, boolean shouldFire) {
    if (!shouldFire) {
      return "the rule fires on this event but should not";
    }
    if (!EventDelivery.reaches(rule, event)) {
      return "a read-only management event never reaches a managementEvents: write rule; set managementEvents to all";
    }
    return "the rule does not fire on this event";
  }

  /** What a person recognises the event by: the CloudTrail event name, else the detail-type. */
  static String label(JsonNode event) {
    JsonNode eventName = event.path("detail").path("eventName");
    return eventName.isTextual() ? eventName.textValue() : event.path("detail-type").asText("?");
  }
}
