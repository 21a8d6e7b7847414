package dev.irctl.engine.drill;

import dev.irctl.catalog.RuleExamples;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.rules.DesiredRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One region's drill with the TestEventPattern agreement of its deployed rules. {@code
 * patternError} says why the deployed rules could not be read or checked at all.
 */
public record DrillReport(
    RegionDrill drill, List<PatternCheck.Verdict> verdicts, Optional<String> patternError) {
  public DrillReport {
    verdicts = List.copyOf(verdicts);
  }

  public String region() {
    return drill.region();
  }

  /** The drill could not run to an answer: an AWS call failed or it was interrupted. */
  public boolean failedToRun() {
    return drill.status() == DeliveryStatus.FAILED
        || drill.status() == DeliveryStatus.INTERRUPTED
        || patternError.isPresent();
  }

  /** Delivered, and AWS's matcher agreed with event-ruler on every example. */
  public boolean passed() {
    return drill.status() == DeliveryStatus.DELIVERED
        && patternError.isEmpty()
        && verdicts.stream().noneMatch(PatternCheck.Verdict::failed);
  }

  public List<PatternCheck.Verdict> disagreements() {
    return verdicts.stream().filter(PatternCheck.Verdict::failed).toList();
  }

  /**
   * The irctl rules deployed on the default bus that the selection knows (so the catalog has their
   * examples), each with the pattern AWS holds; then every example through TestEventPattern.
   */
  public static PatternResult checkPatterns(
      EventBridgePort events,
      String region,
      List<DesiredRule> selected,
      Function<String, Optional<RuleExamples>> examples) {
    try {
      Map<String, String> ruleIds = new java.util.HashMap<>();
      selected.forEach(r -> ruleIds.put(r.name(), r.ruleId()));
      List<PatternCheck.DeployedRule> deployed = new ArrayList<>();
      for (BusRule rule : events.listRules("default", "irctl-")) {
        String ruleId = ruleIds.get(rule.name());
        if (ruleId == null || rule.eventPattern().isEmpty()) {
          continue;
        }
        Optional<RuleExamples> known = examples.apply(ruleId);
        if (known.isEmpty()) {
          continue;
        }
        deployed.add(
            new PatternCheck.DeployedRule(rule.name(), rule.eventPattern().get(), known.get()));
      }
      return new PatternResult(PatternCheck.check(events, region, deployed), Optional.empty());
    } catch (AwsCallException | IllegalArgumentException e) {
      return new PatternResult(List.of(), Optional.of(e.getMessage()));
    }
  }

  /** The verdicts of one region, or why there are none. */
  public record PatternResult(List<PatternCheck.Verdict> verdicts, Optional<String> error) {}
}
