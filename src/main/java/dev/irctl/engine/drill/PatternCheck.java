package dev.irctl.engine.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.catalog.RuleExamples;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.EventBridgePort;
import java.util.ArrayList;
import java.util.List;
import software.amazon.event.ruler.Machine;

/**
 * Runs each deployed rule's pattern through EventBridge's own matcher (TestEventPattern) with the
 * catalog's examples and compares the answer with event-ruler's offline one on the same pattern.
 * Any disagreement is a failure naming the rule and the example.
 */
public final class PatternCheck {
  /** A rule as deployed: its name, the pattern AWS holds (JSON), and the catalog's examples. */
  public record DeployedRule(String name, String pattern, RuleExamples examples) {}

  /**
   * One example's verdicts: {@code expected} is what the catalog says, {@code offline}
   * event-ruler's answer, {@code aws} TestEventPattern's (empty when the call failed, with {@code
   * error}).
   */
  public record Verdict(
      String rule,
      String example,
      boolean expected,
      boolean offline,
      java.util.Optional<Boolean> aws,
      java.util.Optional<String> error) {
    /** AWS and event-ruler disagree, or AWS could not answer. */
    public boolean failed() {
      return aws.map(a -> a != offline).orElse(true);
    }

    public String describe() {
      if (aws.isEmpty()) {
        return rule + " " + example + ": TestEventPattern failed: " + error.orElse("");
      }
      return rule
          + " "
          + example
          + ": AWS says "
          + (aws.get() ? "match" : "no match")
          + ", event-ruler says "
          + (offline ? "match" : "no match");
    }
  }

  private PatternCheck() {}

  public static List<Verdict> check(
      EventBridgePort events, String region, List<DeployedRule> rules) {
    List<Verdict> verdicts = new ArrayList<>();
    for (DeployedRule rule : rules) {
      Machine machine = compile(rule);
      List<JsonNode> match = rule.examples().match();
      for (int i = 0; i < match.size(); i++) {
        verdicts.add(
            verdict(events, region, rule, machine, "match[" + i + "]", match.get(i), true));
      }
      List<JsonNode> noMatch = rule.examples().noMatch();
      for (int i = 0; i < noMatch.size(); i++) {
        verdicts.add(
            verdict(events, region, rule, machine, "noMatch[" + i + "]", noMatch.get(i), false));
      }
    }
    return verdicts;
  }

  private static Verdict verdict(
      EventBridgePort events,
      String region,
      DeployedRule rule,
      Machine machine,
      String label,
      JsonNode example,
      boolean expected) {
    String event = envelope(example, region).toString();
    boolean offline;
    try {
      offline = !machine.rulesForJSONEvent(event).isEmpty();
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "example " + label + " of " + rule.name() + " is not a JSON event: " + e.getMessage(), e);
    }
    try {
      boolean aws = events.testEventPattern(rule.pattern(), event);
      return new Verdict(
          rule.name(),
          label,
          expected,
          offline,
          java.util.Optional.of(aws),
          java.util.Optional.empty());
    } catch (AwsCallException e) {
      return new Verdict(
          rule.name(),
          label,
          expected,
          offline,
          java.util.Optional.empty(),
          java.util.Optional.of(e.getMessage()));
    }
  }

  private static Machine compile(DeployedRule rule) {
    Machine machine = new Machine();
    try {
      machine.addRule(rule.name(), rule.pattern());
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "event-ruler rejects the deployed pattern of " + rule.name() + ": " + e.getMessage(), e);
    }
    return machine;
  }

  /**
   * TestEventPattern requires id, account, source, time, region, resources and detail-type; an
   * example that lacks one gets a neutral value (the same event goes to both matchers).
   */
  static ObjectNode envelope(JsonNode example, String region) {
    ObjectNode event = example.deepCopy();
    if (!event.has("id")) {
      event.put("id", "00000000-0000-4000-8000-000000000000");
    }
    if (!event.has("account")) {
      event.put("account", "123456789012");
    }
    if (!event.has("time")) {
      event.put("time", "2024-01-01T00:00:00Z");
    }
    if (!event.has("region")) {
      event.put("region", region);
    }
    if (!event.has("resources")) {
      event.putArray("resources");
    }
    if (!event.has("detail-type")) {
      event.put("detail-type", "");
    }
    if (!event.has("source")) {
      event.put("source", "");
    }
    return event;
  }
}
