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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one region's state with as few dependent steps as possible: the rule list, the topic and
 * the key are read at once; then each irctl rule's targets and tags (EventBridge has no call that
 * returns them for many rules), and the topic's tags and subscriptions, again at once.
 */
public final class RegionReader {
  /** Calls in flight per region; enough for the whole bundled catalog in one wave. */
  public static final int CALLS_IN_FLIGHT = 32;

  private final Parallel parallel;

  public RegionReader(Parallel parallel) {
    this.parallel = parallel;
  }

  public RegionState read(
      EventBridgePort events,
      SnsPort sns,
      Optional<KmsPort> kms,
      String bus,
      String topicArn,
      Optional<String> kmsKey) {
    CompletableFuture<Optional<ActualTopic>> topic = parallel.fork(() -> readTopic(sns, topicArn));
    CompletableFuture<Optional<KeyFacts>> key =
        parallel.fork(() -> kmsKey.flatMap(k -> kms.map(port -> readKey(port, k))));
    List<ActualRule> rules = readRules(events, bus);
    return new RegionState(Parallel.join(topic), rules, Parallel.join(key));
  }

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
