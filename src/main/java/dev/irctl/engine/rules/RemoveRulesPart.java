package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * remove-rules across regions: deletes irctl's rules (both marks: name and tag) and, with
 * --delete-topic, the alert topic if irctl created it. Rules without the tag, and targets the user
 * added, are left alone.
 */
public final class RemoveRulesPart implements Part {
  public static final String NAME = "rules";

  private final Request request;

  public RemoveRulesPart(Request request) {
    this.request = request;
  }

  /**
   * What to remove: rules on {@code bus}; the topic {@code topicName} only with {@code
   * deleteTopic}.
   */
  public record Request(String bus, String topicName, boolean deleteTopic) {}

  /** What the plan saw: irctl-prefixed rules and (with deleteTopic) the topic. */
  public record Actual(List<ActualRule> rules, Optional<ActualTopic> topic) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PartPlan plan(PartContext context) {
    String region = context.region();
    RegionReader reader = new RegionReader(context.parallel());
    List<ActualRule> rules = reader.readRules(context.ports().eventBridge(region), request.bus());
    Optional<String> topicArn =
        request.deleteTopic()
            ? Optional.of(RegionPlanner.topicArn(context.identity(), region, request.topicName()))
            : Optional.empty();
    Optional<ActualTopic> topic =
        topicArn.flatMap(arn -> reader.readTopic(context.ports().sns(region), arn));
    RegionPlan plan = plan(region, rules, topic, topicArn);
    return PartPlan.of(plan.changes(), new Actual(rules, topic), plan, RulesPart.notes(plan));
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    int writes =
        apply(
            context.parallel(),
            context.ports().eventBridge(context.region()),
            context.ports().sns(context.region()),
            request.bus(),
            (RegionPlan) plan.detail(),
            failures);
    return Applied.of(writes, failures);
  }

  @Override
  public JsonNode desired() {
    return Fingerprint.JSON.valueToTree(request);
  }

  public static RemoveRulesPart fromDesired(JsonNode desired) {
    return new RemoveRulesPart(Fingerprint.JSON.convertValue(desired, Request.class));
  }

  /** Pure: which rules and topic to delete, and what is kept and why. */
  static RegionPlan plan(
      String region,
      List<ActualRule> rules,
      Optional<ActualTopic> topic,
      Optional<String> topicArn) {
    List<RuleChange> deletes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (ActualRule rule : rules) {
      if (!rule.ownedByIrctl()) {
        continue;
      }
      if (!rule.foreignTargetIds().isEmpty()) {
        warnings.add(RulePlanner.keptForForeignTargets(rule));
      } else {
        deletes.add(
            new RuleChange.DeleteRule(rule.name(), RulePlanner.targetIds(rule), "irctl rule"));
      }
    }
    List<TopicChange> topicChanges = new ArrayList<>();
    if (topic.isPresent()) {
      if (!topic.get().createdByIrctl()) {
        warnings.add(
            "kept topic "
                + topic.get().arn()
                + ": irctl did not create it (no managed-by=irctl tag).");
      } else if (!warnings.isEmpty()) {
        warnings.add("kept topic " + topic.get().arn() + ": rules irctl kept still send to it.");
      } else {
        topicChanges.add(new TopicChange.DeleteTopic(topic.get().arn()));
      }
    }
    return new RegionPlan(
        region, topicArn.orElse(""), topicChanges, deletes, 0, List.of(), List.of(), warnings);
  }

  private static int apply(
      Parallel parallel,
      EventBridgePort events,
      SnsPort sns,
      String bus,
      RegionPlan plan,
      List<String> failures) {
    List<Integer> writes =
        parallel.map(
            plan.ruleChanges(),
            RegionReader.CALLS_IN_FLIGHT,
            change -> {
              RuleChange.DeleteRule delete = (RuleChange.DeleteRule) change;
              int calls = 0;
              try {
                if (!delete.targetIds().isEmpty()) {
                  calls++;
                  events.removeTargets(bus, delete.ruleName(), delete.targetIds());
                }
                calls++;
                events.deleteRule(bus, delete.ruleName());
              } catch (RuntimeException e) {
                failures.add(delete.resource() + ": " + e.getMessage());
              }
              return calls;
            });
    int total = writes.stream().mapToInt(Integer::intValue).sum();
    for (TopicChange change : plan.topicChanges()) {
      // The topic goes last, and only when every rule that sent to it is gone.
      if (change instanceof TopicChange.DeleteTopic delete && failures.isEmpty()) {
        total++;
        try {
          sns.deleteTopic(delete.topicArn());
        } catch (RuntimeException e) {
          failures.add(delete.resource() + ": " + e.getMessage());
        }
      }
    }
    return total;
  }
}
