package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Cancellation;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

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
   * deleteTopic}. {@code signInRules}: the catalog's console sign-in rules, which apply-rules also
   * carries to the regions AWS records sign-ins in ({@link RuleScopes#carried}); remove-rules
   * follows them there and takes back only them.
   */
  public record Request(
      String bus,
      String topicName,
      boolean deleteTopic,
      List<SubscriptionSpec> subscriptions,
      List<DesiredRule> signInRules) {
    /**
     * {@code subscriptions}: the ones irctl made (from --subscribe / irctl.yaml); any other
     * subscription on the topic is someone else's and keeps the topic.
     */
    public Request {
      subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
      signInRules = signInRules == null ? List.of() : List.copyOf(signInRules);
    }

    public Request(
        String bus, String topicName, boolean deleteTopic, List<SubscriptionSpec> subscriptions) {
      this(bus, topicName, deleteTopic, subscriptions, List.of());
    }

    public Request(String bus, String topicName, boolean deleteTopic) {
      this(bus, topicName, deleteTopic, List.of());
    }

    /** The chosen regions, then those apply-rules would have carried the sign-in rules to. */
    public List<String> regions(List<String> chosen) {
      List<String> all = new ArrayList<>(chosen);
      all.addAll(RuleScopes.carried(signInRules, chosen).keySet());
      return all;
    }

    /**
     * Each region the sign-in rules are carried to (not chosen), with the names remove-rules may
     * delete there: those rules and their forwarders.
     */
    public java.util.Map<String, java.util.Set<String>> carriedNames(List<String> chosen) {
      java.util.Map<String, java.util.Set<String>> names = new java.util.LinkedHashMap<>();
      RuleScopes.carried(signInRules, chosen)
          .forEach((region, rules) -> names.put(region, RulesPart.carriedNames(rules)));
      return names;
    }
  }

  /** What the plan saw: irctl-prefixed rules and (with deleteTopic) the topic. */
  public record Actual(List<ActualRule> rules, Optional<ActualTopic> topic) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> regions(List<String> chosen) {
    return request.regions(chosen);
  }

  /**
   * In a chosen region, every irctl rule. In a region only carried for the sign-in rules, those and
   * their forwarders: the other irctl rules there may be a run's that chose the region, so they
   * stay, and while any that alerts stays the topic does too.
   */
  @Override
  public PartPlan plan(PartContext context) {
    String region = context.region();
    RegionReader reader = new RegionReader(context.parallel());
    List<ActualRule> read = reader.readRules(context.ports().eventBridge(region), request.bus());
    java.util.Set<String> carried =
        request.carriedNames(context.regions()).getOrDefault(region, java.util.Set.of());
    List<ActualRule> rules =
        carried.isEmpty() ? read : read.stream().filter(r -> carried.contains(r.name())).toList();
    boolean othersAlert =
        read.stream()
            .anyMatch(
                r ->
                    r.ownedByIrctl()
                        && !carried.isEmpty()
                        && !carried.contains(r.name())
                        && !dev.irctl.engine.hub.ForwarderRules.isForwarder(r.name()));
    List<String> remarks =
        carried.isEmpty()
            ? List.of()
            : List.of(
                RuleScopes.carriedRemovalNote(
                    region,
                    RuleScopes.carried(request.signInRules(), context.regions()).get(region)));
    // The topic is read even without --delete-topic: irctl's publish statement goes either way.
    Optional<String> topicArn =
        Optional.of(RegionPlanner.topicArn(context.identity(), region, request.topicName()));
    Optional<ActualTopic> topic =
        topicArn.flatMap(arn -> reader.readTopic(context.ports().sns(region), arn));
    RegionPlan plan = plan(region, rules, topic, topicArn, request, othersAlert);
    return PartPlan.of(
        plan.changes(), new Actual(rules, topic), plan, RulesPart.notes(plan, remarks));
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean retryable = new AtomicBoolean(true);
    int writes =
        apply(
            context.cancellation(),
            retryable,
            context.parallel(),
            context.ports().eventBridge(context.region()),
            context.ports().sns(context.region()),
            request.bus(),
            (RegionPlan) plan.detail(),
            failures);
    return Applied.of(writes, failures, retryable.get());
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
      Optional<String> topicArn,
      Request request) {
    return plan(region, rules, topic, topicArn, request, false);
  }

  /**
   * As above; {@code othersAlert}: irctl rules outside {@code rules} stay in the region and send to
   * the topic (a carried region's other rules), so the topic is kept as for a kept rule.
   */
  static RegionPlan plan(
      String region,
      List<ActualRule> rules,
      Optional<ActualTopic> topic,
      Optional<String> topicArn,
      Request request,
      boolean othersAlert) {
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
      topicChanges.addAll(
          topicPlan(topic.get(), othersAlert || !warnings.isEmpty(), request, warnings));
    }
    return new RegionPlan(
        region,
        topicArn.orElse(""),
        topicChanges,
        deletes,
        0,
        List.of(),
        List.of(),
        warnings,
        List.of());
  }

  /**
   * The topic: deleted with --delete-topic when irctl created it and nobody else put a statement or
   * a subscription on it; otherwise kept (saying why), without irctl's publish statement. Nothing
   * changes while rules irctl kept still send to it.
   */
  static List<TopicChange> topicPlan(
      ActualTopic topic, boolean rulesKept, Request request, List<String> warnings) {
    String arn = topic.arn();
    if (rulesKept) {
      if (request.deleteTopic()) {
        warnings.add("kept topic " + arn + ": rules irctl kept still send to it.");
      }
      return List.of();
    }
    Optional<ObjectNode> policy;
    try {
      policy = topic.policy().map(p -> SnsTopicPolicy.parse(p, arn));
    } catch (PlanConflictException e) {
      warnings.add("kept topic " + arn + " and its policy as they are: " + e.getMessage());
      return List.of();
    }
    List<String> foreignStatements = policy.map(SnsTopicPolicy::foreignSids).orElse(List.of());
    List<String> foreignSubscriptions =
        topic.subscriptions().stream()
            .filter(
                s ->
                    request.subscriptions().stream()
                        .noneMatch(w -> s.sameEndpoint(w.protocol(), w.endpoint())))
            .map(s -> s.protocol() + ":" + s.endpoint())
            .toList();
    if (request.deleteTopic()) {
      List<String> why = new ArrayList<>();
      if (!topic.createdByIrctl()) {
        why.add("irctl did not create it (no managed-by=irctl tag)");
      }
      if (!foreignStatements.isEmpty()) {
        why.add(
            "its policy has statements irctl did not write ("
                + String.join(", ", foreignStatements)
                + ")");
      }
      if (!foreignSubscriptions.isEmpty()) {
        why.add(
            "it has subscriptions irctl did not make ("
                + String.join(", ", foreignSubscriptions)
                + ")");
      }
      if (why.isEmpty()) {
        return List.of(new TopicChange.DeleteTopic(arn));
      }
      warnings.add(
          "kept topic "
              + arn
              + ": "
              + String.join("; ", why)
              + ". Only irctl's publish statement is removed.");
    }
    if (policy.isEmpty() || SnsTopicPolicy.current(policy.get()).isEmpty()) {
      return List.of();
    }
    ObjectNode without = SnsTopicPolicy.without(policy.get());
    if (SnsTopicPolicy.statementCount(without) == 0) {
      warnings.add(
          "kept irctl's publish statement on topic "
              + arn
              + ": it is the policy's only statement, and a topic policy needs one.");
      return List.of();
    }
    return List.of(
        new TopicChange.RemoveStatement(
            arn,
            SnsTopicPolicy.compact(without),
            JsonTreeDiff.diff(
                "policy statement " + SnsTopicPolicy.SID,
                SnsTopicPolicy.current(policy.get()).get(),
                null)));
  }

  private static int apply(
      Cancellation cancellation,
      AtomicBoolean retryable,
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
              if (cancellation.requested()) {
                failures.add(delete.resource() + ": " + Cancellation.NOT_STARTED);
                return calls;
              }
              try {
                if (!delete.targetIds().isEmpty()) {
                  calls++;
                  events.removeTargets(bus, delete.ruleName(), delete.targetIds());
                }
                calls++;
                events.deleteRule(bus, delete.ruleName());
              } catch (RuntimeException e) {
                retryable.compareAndSet(true, retryable(e));
                failures.add(delete.resource() + ": " + e.getMessage());
              }
              return calls;
            });
    int total = writes.stream().mapToInt(Integer::intValue).sum();
    for (TopicChange change : plan.topicChanges()) {
      // The topic goes last, and only when every rule that sent to it is gone.
      if (!failures.isEmpty()) {
        break;
      }
      if (cancellation.requested()) {
        failures.add(change.resource() + ": " + Cancellation.NOT_STARTED);
        break;
      }
      try {
        if (change instanceof TopicChange.DeleteTopic delete) {
          total++;
          sns.deleteTopic(delete.topicArn());
        } else if (change instanceof TopicChange.RemoveStatement remove) {
          total++;
          sns.setTopicAttribute(remove.topicArn(), "Policy", remove.policy());
        }
      } catch (RuntimeException e) {
        retryable.compareAndSet(true, retryable(e));
        failures.add(change.resource() + ": " + e.getMessage());
      }
    }
    return total;
  }

  private static boolean retryable(RuntimeException e) {
    return e instanceof AwsCallException aws && aws.retryable();
  }
}
