package dev.irctl.engine.rules;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.RegionRunner;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.region.RegionSelection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * remove-rules across regions: deletes irctl's rules (both marks: name and tag) and, with
 * --delete-topic, the alert topic if irctl created it. Rules without the tag, and targets the user
 * added, are left alone.
 */
public final class RemoveRules {
  private final Ports ports;
  private final RegionRunner runner;

  public RemoveRules(Ports ports, int concurrency) {
    this.ports = ports;
    this.runner = new RegionRunner(concurrency);
  }

  /**
   * What to remove: rules on {@code bus}; the topic {@code topicName} only with {@code
   * deleteTopic}.
   */
  public record Request(String bus, String topicName, boolean deleteTopic) {}

  public List<RulesRegionResult> run(
      RegionSelection selection,
      Request request,
      boolean dryRun,
      Consumer<RulesRegionResult> progress) {
    Optional<Identity> identity =
        request.deleteTopic() ? Optional.of(ports.account().identity()) : Optional.empty();
    // One pool of call threads for every region of the run: threads idle after reading are reused
    // for writing.
    try (Parallel parallel = new Parallel()) {
      return runner.run(
          selection,
          region -> inRegion(parallel, region, request, identity, dryRun),
          RulesRegionResult::failed,
          progress);
    }
  }

  private RulesRegionResult inRegion(
      Parallel parallel,
      String region,
      Request request,
      Optional<Identity> identity,
      boolean dryRun) {
    EventBridgePort events = ports.eventBridge(region);
    SnsPort sns = ports.sns(region);
    RegionReader reader = new RegionReader(parallel);
    List<ActualRule> rules = reader.readRules(events, request.bus());
    Optional<ActualTopic> topic =
        identity.flatMap(
            id -> reader.readTopic(sns, RegionPlanner.topicArn(id, region, request.topicName())));
    RegionPlan plan =
        plan(
            region,
            rules,
            topic,
            identity.map(id -> RegionPlanner.topicArn(id, region, request.topicName())));
    if (dryRun || plan.inSync()) {
      return RulesRegionResult.of(plan, dryRun, 0, List.of());
    }
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    int writes = apply(parallel, events, sns, request.bus(), plan, failures);
    return RulesRegionResult.of(plan, false, writes, failures);
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
