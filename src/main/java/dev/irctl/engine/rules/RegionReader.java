package dev.irctl.engine.rules;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.KmsPort;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.port.Subscription;
import dev.irctl.engine.rules.RegionState.KeyFacts;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one region's state with as few dependent steps and calls as possible: the whole bus's rule
 * list (one ListRules pass serves the plan and the per-bus quota check), the topic and the key at
 * once; then each irctl rule's targets (EventBridge has no call that returns them for many rules),
 * and the topic's tags and subscriptions, again at once. A rule's tags are read only when a plan
 * asks for them ({@link #withTags}): a rule whose content matches needs no owner to be left alone.
 */
public final class RegionReader {
  /**
   * Calls in flight per region: the bundled catalog's rules of a region in one wave. EventBridge
   * allows 50 requests a second per account and region for every API but PutEvents (the SDK retries
   * throttled calls), so a wave stays within one second's allowance.
   */
  public static final int CALLS_IN_FLIGHT = 50;

  private final Parallel parallel;

  public RegionReader(Parallel parallel) {
    this.parallel = parallel;
  }

  /** What {@link #read} found: the state to plan with, and every rule on the bus for the quota. */
  public record Found(RegionState state, List<BusRule> onBus) {}

  /** The region's topic, key and irctl rules with their targets; no rule's tags yet. */
  public Found read(
      EventBridgePort events,
      SnsPort sns,
      Optional<KmsPort> kms,
      String bus,
      String topicArn,
      Optional<String> kmsKey) {
    CompletableFuture<Optional<ActualTopic>> topic = parallel.fork(() -> readTopic(sns, topicArn));
    CompletableFuture<Optional<KeyFacts>> key =
        parallel.fork(() -> kmsKey.flatMap(k -> kms.map(port -> readKey(port, k))));
    List<BusRule> onBus = events.listAllRules(bus);
    List<BusRule> irctls =
        onBus.stream().filter(r -> r.name().startsWith(Ownership.NAME_PREFIX)).toList();
    List<ActualRule> rules =
        parallel.map(
            irctls,
            CALLS_IN_FLIGHT,
            rule -> ActualRule.unread(rule, events.listTargets(bus, rule.name())));
    return new Found(new RegionState(Parallel.join(topic), rules, Parallel.join(key)), onBus);
  }

  /**
   * {@code state} with the tags of the {@code named} rules read (at once); the rest as they were.
   */
  public RegionState withTags(EventBridgePort events, RegionState state, Collection<String> named) {
    Set<String> wanted = Set.copyOf(named);
    List<ActualRule> rules =
        parallel.map(
            state.rules(),
            CALLS_IN_FLIGHT,
            rule ->
                wanted.contains(rule.name()) && !rule.tagsRead()
                    ? rule.withTags(events.tags(rule.rule().arn()))
                    : rule);
    return new RegionState(state.topic(), rules, state.key());
  }

  /**
   * Every irctl-prefixed rule with its tags and targets (remove-rules: it deletes, so it reads
   * all).
   */
  public List<ActualRule> readRules(EventBridgePort events, String bus) {
    List<BusRule> listed = events.listRules(bus, Ownership.NAME_PREFIX);
    return parallel.map(
        listed,
        CALLS_IN_FLIGHT,
        rule -> {
          CompletableFuture<Map<String, String>> tags =
              parallel.fork(() -> events.tags(rule.arn()));
          List<RuleTarget> targets = events.listTargets(bus, rule.name());
          return new ActualRule(rule, Parallel.join(tags), targets);
        });
  }

  public Optional<ActualTopic> readTopic(SnsPort sns, String topicArn) {
    Optional<Map<String, String>> attributes = sns.topicAttributes(topicArn);
    if (attributes.isEmpty()) {
      return Optional.empty();
    }
    CompletableFuture<Map<String, String>> tags = parallel.fork(() -> sns.topicTags(topicArn));
    List<Subscription> subscriptions = sns.subscriptions(topicArn);
    return Optional.of(
        new ActualTopic(topicArn, attributes.get(), Parallel.join(tags), subscriptions));
  }

  /**
   * A key that cannot be read is a warning, not a failure: the topic works if the key policy is
   * right.
   */
  private static KeyFacts readKey(KmsPort kms, String keyId) {
    try {
      KmsPort.KeyInfo info = kms.describeKey(keyId);
      if (info.awsManaged()) {
        return new KeyFacts(keyId, Optional.of(info), Optional.empty(), Optional.empty(), false);
      }
      return new KeyFacts(
          keyId,
          Optional.of(info),
          Optional.of(kms.keyPolicy(info.arn())),
          Optional.empty(),
          false);
    } catch (AwsCallException e) {
      return new KeyFacts(
          keyId,
          Optional.empty(),
          Optional.empty(),
          Optional.of(e.getMessage()),
          e.kind() == AwsCallException.Kind.NOT_FOUND);
    }
  }
}
