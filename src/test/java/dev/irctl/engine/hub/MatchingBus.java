package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.catalog.EventDelivery;
import dev.irctl.engine.rules.DesiredRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/** One deployed bus: rules by name with their state, matched the way EventBridge does. */
public final class MatchingBus {
  private final Machine machine = new Machine();
  private final Map<String, String> states = new HashMap<>();

  public MatchingBus(List<DesiredRule> rules) {
    rules.forEach(rule -> add(rule.name(), rule.pattern(), rule.state()));
  }

  public MatchingBus() {}

  /** Adds one rule; {@code state} decides whether read-only management events reach it. */
  public MatchingBus add(String name, JsonNode pattern, String state) {
    try {
      machine.addRule(name, pattern.toString());
    } catch (Exception e) {
      throw new AssertionError("event-ruler rejects the pattern of " + name + ": " + e, e);
    }
    states.put(name, state);
    return this;
  }

  /** The rules {@code event} fires, each once, sorted by name. */
  public List<String> fired(JsonNode event) {
    try {
      return machine.rulesForJSONEvent(event.toString()).stream()
          .distinct()
          .filter(name -> EventDelivery.reaches(states.get(name), event))
          .sorted()
          .toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
