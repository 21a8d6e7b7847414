package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.RuleDefinition;
import dev.irctl.engine.port.RuleTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * EventBridge in one region, in memory: rules per bus with targets and tags, and AWS's limits (5
 * targets a rule, 10 entries a PutTargets call). Calls are logged (and delayed) before the lock is
 * taken, so concurrent calls overlap the way they do against AWS.
 */
public final class FakeEventBridge implements EventBridgePort {
  private final String region;
  private final String account;
  private final CallLog log;

  /** bus → name → rule. */
  private final Map<String, Map<String, StoredRule>> buses = new HashMap<>();

  private final Map<String, String> rejectedTargets = new HashMap<>();

  /** bus/rule/target id → the role and dead-letter queue of that target. */
  private final Map<String, EventBridgePort.TargetRoute> routes = new HashMap<>();

  private volatile java.util.function.BiFunction<String, String, Boolean> testEventPattern =
      FakeEventBridge::rulerMatches;

  /** A rule with its targets and tags, as the fake keeps it. */
  public record StoredRule(
      BusRule rule, Map<String, RuleTarget> targets, Map<String, String> tags) {}

  FakeEventBridge(String region, String account, CallLog log) {
    this.region = region;
    this.account = account;
    this.log = log;
  }

  /** Seeds a rule as if someone had created it. */
  public synchronized FakeEventBridge existing(
      String bus,
      String name,
      String pattern,
      String state,
      Map<String, String> tags,
      List<RuleTarget> targets) {
    Map<String, RuleTarget> byId = new LinkedHashMap<>();
    targets.forEach(t -> byId.put(t.id(), t));
    rules(bus)
        .put(
            name,
            new StoredRule(
                new BusRule(name, arn(bus, name), Optional.of(pattern), state, Optional.empty()),
                byId,
                new HashMap<>(tags)));
    return this;
  }

  /** Seeds {@code count} unrelated rules, e.g. to fill the bus up to its quota. */
  public synchronized FakeEventBridge fill(String bus, int count) {
    for (int i = 0; i < count; i++) {
      existing(bus, "user-rule-" + i, "{\"source\":[\"aws.ec2\"]}", "ENABLED", Map.of(), List.of());
    }
    return this;
  }

  /**
   * PutTargets answers with a FailedEntry for this rule (HTTP 200, FailedEntryCount 1), as AWS
   * does.
   */
  public synchronized FakeEventBridge rejectTargetsOf(String ruleName, String errorMessage) {
    rejectedTargets.put(ruleName, errorMessage);
    return this;
  }

  public synchronized Optional<StoredRule> rule(String bus, String name) {
    return Optional.ofNullable(rules(bus).get(name));
  }

  public synchronized List<String> ruleNames(String bus) {
    return new ArrayList<>(new TreeMap<>(rules(bus)).keySet());
  }

  @Override
  public List<BusRule> listRules(String bus, String prefix) {
    List<BusRule> all;
    synchronized (this) {
      all =
          new TreeMap<>(rules(bus))
              .values().stream()
                  .map(StoredRule::rule)
                  .filter(r -> r.name().startsWith(prefix))
                  .toList();
    }
    // One ListRules page holds at most 100 rules.
    for (int page = 0; page == 0 || page * 100 < all.size(); page++) {
      log.record(region, "events:ListRules", false);
    }
    return all;
  }

  @Override
  public List<RuleTarget> listTargets(String bus, String ruleName) {
    log.record(region, "events:ListTargetsByRule", false);
    synchronized (this) {
      return List.copyOf(existingRule(bus, ruleName).targets().values());
    }
  }

  @Override
  public Map<String, String> tags(String ruleArn) {
    log.record(region, "events:ListTagsForResource", false);
    synchronized (this) {
      return Map.copyOf(byArn(ruleArn).tags());
    }
  }

  @Override
  public String putRule(String bus, RuleDefinition rule, Map<String, String> tags) {
    log.record(region, "events:PutRule", true);
    synchronized (this) {
      StoredRule existing = rules(bus).get(rule.name());
      BusRule stored =
          new BusRule(
              rule.name(),
              arn(bus, rule.name()),
              Optional.of(rule.eventPattern().toString()),
              rule.state(),
              Optional.ofNullable(rule.description()));
      // Like AWS: tags in PutRule count only when the rule is created.
      Map<String, String> keptTags = existing == null ? new HashMap<>(tags) : existing.tags();
      Map<String, RuleTarget> keptTargets =
          existing == null ? new LinkedHashMap<>() : existing.targets();
      rules(bus).put(rule.name(), new StoredRule(stored, keptTargets, keptTags));
      return stored.arn();
    }
  }

  @Override
  public void putTargets(String bus, String ruleName, List<RuleTarget> targets) {
    if (targets.size() > 10) {
      throw new IllegalArgumentException("PutTargets takes at most 10 targets per call");
    }
    log.record(region, "events:PutTargets", true);
    synchronized (this) {
      StoredRule rule = existingRule(bus, ruleName);
      String rejection = rejectedTargets.get(ruleName);
      if (rejection != null) {
        throw new AwsCallException(
            AwsCallException.Kind.INVALID_REQUEST,
            "events:PutTargets",
            "1 target(s) of rule "
                + ruleName
                + " failed: "
                + targets.get(0).id()
                + ": "
                + rejection);
      }
      for (RuleTarget target : targets) {
        if (!rule.targets().containsKey(target.id()) && rule.targets().size() >= 5) {
          throw new AwsCallException(
              AwsCallException.Kind.INVALID_REQUEST,
              "events:PutTargets",
              "LimitExceededException: 5 targets per rule");
        }
        rule.targets().put(target.id(), target);
      }
    }
  }

  @Override
  public void tagRule(String ruleArn, Map<String, String> tags) {
    log.record(region, "events:TagResource", true);
    synchronized (this) {
      byArn(ruleArn).tags().putAll(tags);
    }
  }

  @Override
  public void removeTargets(String bus, String ruleName, List<String> targetIds) {
    log.record(region, "events:RemoveTargets", true);
    synchronized (this) {
      targetIds.forEach(existingRule(bus, ruleName).targets()::remove);
      targetIds.forEach(id -> routes.remove(bus + "/" + ruleName + "/" + id));
    }
  }

  @Override
  public void deleteRule(String bus, String ruleName) {
    log.record(region, "events:DeleteRule", true);
    synchronized (this) {
      if (!existingRule(bus, ruleName).targets().isEmpty()) {
        throw new AwsCallException(
            AwsCallException.Kind.INVALID_REQUEST,
            "events:DeleteRule",
            "ValidationException: Rule can't be deleted since it has targets.");
      }
      rules(bus).remove(ruleName);
    }
  }

  /** TestEventPattern answers with this instead of event-ruler (to play an AWS disagreement). */
  public FakeEventBridge answerTestEventPattern(
      java.util.function.BiFunction<String, String, Boolean> answer) {
    this.testEventPattern = answer;
    return this;
  }

  /** Gives a target a dead-letter queue, as a user might in the console. */
  public synchronized FakeEventBridge deadLetter(
      String bus, String ruleName, String targetId, String queueArn) {
    RuleTarget target = existingRule(bus, ruleName).targets().get(targetId);
    EventBridgePort.TargetRoute old = routes.get(bus + "/" + ruleName + "/" + targetId);
    routes.put(
        bus + "/" + ruleName + "/" + targetId,
        new EventBridgePort.TargetRoute(
            targetId,
            target.arn(),
            old == null ? Optional.empty() : old.roleArn(),
            Optional.of(queueArn)));
    return this;
  }

  @Override
  public boolean testEventPattern(String eventPattern, String event) {
    log.record(region, "events:TestEventPattern", false);
    for (String field :
        List.of("id", "account", "source", "time", "region", "resources", "detail-type")) {
      if (!event.contains("\"" + field + "\"")) {
        throw new AwsCallException(
            AwsCallException.Kind.INVALID_REQUEST,
            "events:TestEventPattern",
            "InvalidEventPatternException: Parameter Event is not valid: missing " + field);
      }
    }
    return testEventPattern.apply(eventPattern, event);
  }

  @Override
  public void putBusTarget(String bus, String ruleName, EventBridgePort.BusTarget target) {
    log.record(region, "events:PutTargets", true);
    if (!target.busArn().contains(":event-bus/")) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          "events:PutTargets",
          "1 target(s) of rule " + ruleName + " failed: not an event bus: " + target.busArn());
    }
    synchronized (this) {
      StoredRule rule = existingRule(bus, ruleName);
      if (!rule.targets().containsKey(target.id()) && rule.targets().size() >= 5) {
        throw new AwsCallException(
            AwsCallException.Kind.INVALID_REQUEST,
            "events:PutTargets",
            "LimitExceededException: 5 targets per rule");
      }
      rule.targets()
          .put(target.id(), RuleTarget.of(target.id(), target.busArn(), Optional.empty()));
      routes.put(
          bus + "/" + ruleName + "/" + target.id(),
          new EventBridgePort.TargetRoute(
              target.id(), target.busArn(), Optional.of(target.roleArn()), Optional.empty()));
    }
  }

  private final Map<String, String> busPolicies = new java.util.concurrent.ConcurrentHashMap<>();

  /** Gives the bus a resource policy (someone else's statements, for merge tests). */
  public FakeEventBridge busPolicy(String bus, String policy) {
    busPolicies.put(bus, policy);
    return this;
  }

  public Optional<String> storedBusPolicy(String bus) {
    return Optional.ofNullable(busPolicies.get(bus));
  }

  @Override
  public Optional<String> busPolicy(String bus) {
    log.record(region, "events:DescribeEventBus", false);
    return Optional.ofNullable(busPolicies.get(bus));
  }

  @Override
  public void putBusPolicy(String bus, String policy) {
    log.record(region, "events:PutPermission", true);
    busPolicies.put(bus, policy);
  }

  @Override
  public void removeBusPolicyStatement(String bus, String sid) {
    log.record(region, "events:RemovePermission", true);
    String policy = busPolicies.get(bus);
    if (policy == null) {
      return;
    }
    try {
      var tree =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(policy);
      var kept = tree.putArray("Statement");
      var old =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(policy).path("Statement");
      old.forEach(
          st -> {
            if (!sid.equals(st.path("Sid").asText())) {
              kept.add(st);
            }
          });
      if (kept.isEmpty()) {
        busPolicies.remove(bus);
      } else {
        busPolicies.put(bus, tree.toString());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<EventBridgePort.TargetRoute> targetRoutes(String bus, String ruleName) {
    log.record(region, "events:ListTargetsByRule", false);
    synchronized (this) {
      return existingRule(bus, ruleName).targets().values().stream()
          .map(
              t ->
                  routes.getOrDefault(
                      bus + "/" + ruleName + "/" + t.id(),
                      new EventBridgePort.TargetRoute(
                          t.id(), t.arn(), t.roleArn(), Optional.empty())))
          .toList();
    }
  }

  private static boolean rulerMatches(String pattern, String event) {
    try {
      software.amazon.event.ruler.Machine machine = new software.amazon.event.ruler.Machine();
      machine.addRule("r", pattern);
      return !machine.rulesForJSONEvent(event).isEmpty();
    } catch (Exception e) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          "events:TestEventPattern",
          "InvalidEventPatternException: " + e.getMessage());
    }
  }

  private Map<String, StoredRule> rules(String bus) {
    return buses.computeIfAbsent(bus, b -> new HashMap<>());
  }

  private StoredRule existingRule(String bus, String name) {
    StoredRule rule = rules(bus).get(name);
    if (rule == null) {
      throw new AwsCallException(
          AwsCallException.Kind.NOT_FOUND,
          "events",
          "ResourceNotFoundException: Rule " + name + " does not exist.");
    }
    return rule;
  }

  private StoredRule byArn(String arn) {
    return buses.values().stream()
        .flatMap(m -> m.values().stream())
        .filter(r -> r.rule().arn().equals(arn))
        .findFirst()
        .orElseThrow(
            () ->
                new AwsCallException(
                    AwsCallException.Kind.NOT_FOUND,
                    "events",
                    "ResourceNotFoundException: " + arn));
  }

  private String arn(String bus, String name) {
    return "arn:aws:events:"
        + region
        + ":"
        + account
        + ":rule/"
        + ("default".equals(bus) ? "" : bus + "/")
        + name;
  }
}
