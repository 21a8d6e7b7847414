package dev.irctl.engine.rules;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.port.SnsPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Carries out one region's plan with as few dependent steps as the calls allow. The topic branch
 * (create, or policy and key) runs alongside every rule's PutRule and TagResource; a rule's
 * PutTargets waits for its own PutRule and for the topic, which must exist before EventBridge may
 * target it; subscriptions wait for the topic only. Rules are independent of each other, so one
 * failing does not stop the rest; every failure is reported.
 */
public final class RegionApplier {
  private final Parallel parallel;
  private final AtomicInteger writes = new AtomicInteger();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  /**
   * Bounds the write calls in flight in this region (a user catalog can hold hundreds of rules).
   */
  private final Semaphore inFlight = new Semaphore(RegionReader.CALLS_IN_FLIGHT);

  public RegionApplier(Parallel parallel) {
    this.parallel = parallel;
  }

  /** What was written and what failed. */
  public record Outcome(int writes, List<String> failures) {}

  public Outcome apply(EventBridgePort events, SnsPort sns, String bus, RegionPlan plan) {
    CompletableFuture<Boolean> topic =
        parallel.fork(() -> attempt("topic", () -> applyTopic(sns, plan)));
    List<CompletableFuture<?>> work = new ArrayList<>();
    work.add(topic);
    // Deletions (--prune) first in their own branch: they free quota and touch nothing else.
    List<RuleChange.DeleteRule> deletes = ofType(plan.ruleChanges(), RuleChange.DeleteRule.class);
    work.add(
        parallel.forkRun(
            () ->
                parallel.map(
                    deletes,
                    RegionReader.CALLS_IN_FLIGHT,
                    d -> attempt(d.resource(), () -> delete(events, bus, d)))));
    for (RuleChange change : plan.ruleChanges()) {
      if (change instanceof RuleChange.CreateRule create) {
        CompletableFuture<Boolean> rule =
            parallel.fork(
                () ->
                    attempt(
                        create.resource(),
                        () ->
                            write(
                                () ->
                                    events.putRule(
                                        bus, create.rule().definition(), create.rule().tags()))));
        work.add(
            afterBoth(
                topic,
                rule,
                create.resource(),
                () -> putTarget(events, bus, create.ruleName(), create.target())));
      } else if (change instanceof RuleChange.UpdateRule update) {
        CompletableFuture<Boolean> rule =
            parallel.fork(() -> attempt(update.resource(), () -> updateRule(events, bus, update)));
        update
            .target()
            .ifPresent(
                t ->
                    work.add(
                        afterBoth(
                            topic,
                            rule,
                            update.resource(),
                            () -> putTarget(events, bus, update.ruleName(), t))));
        work.add(rule);
      }
    }
    for (TopicChange.Subscribe subscribe :
        ofType(plan.topicChanges(), TopicChange.Subscribe.class)) {
      work.add(
          topic.thenAcceptAsync(
              ok -> {
                if (ok) {
                  attempt(
                      subscribe.resource(),
                      () ->
                          write(() -> subscribeTo(sns, plan.topicArn(), subscribe.subscription())));
                }
              },
              parallel::forkRun));
    }
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    retireTopic(sns, plan);
    return new Outcome(writes.get(), List.copyOf(failures));
  }

  /**
   * A per-region topic the hub replaced (--prune): last, and only when every rule that sent to it
   * is gone.
   */
  private void retireTopic(SnsPort sns, RegionPlan plan) {
    for (TopicChange change : plan.topicChanges()) {
      if (!failures.isEmpty()) {
        return;
      }
      if (change instanceof TopicChange.DeleteTopic delete) {
        attempt(
            change.resource(),
            () ->
                write(
                    () -> {
                      sns.deleteTopic(delete.topicArn());
                      return delete.topicArn();
                    }));
      } else if (change instanceof TopicChange.RemoveStatement remove) {
        attempt(
            change.resource(),
            () -> write(() -> set(sns, remove.topicArn(), "Policy", remove.policy())));
      }
    }
  }

  private boolean applyTopic(SnsPort sns, RegionPlan plan) {
    for (TopicChange change : plan.topicChanges()) {
      if (change instanceof TopicChange.CreateTopic create) {
        write(() -> sns.createTopic(create.name(), create.attributes(), create.tags()));
      } else if (change instanceof TopicChange.SetPolicy policy) {
        write(() -> set(sns, policy.topicArn(), "Policy", policy.policy()));
      } else if (change instanceof TopicChange.SetKmsKey key) {
        write(() -> set(sns, key.topicArn(), "KmsMasterKeyId", key.keyId()));
      }
    }
    return true;
  }

  private boolean updateRule(EventBridgePort events, String bus, RuleChange.UpdateRule update) {
    // PutRule and TagResource touch different things of an existing rule, so they need not wait for
    // each other.
    CompletableFuture<Void> tag =
        update.tags().isEmpty()
            ? CompletableFuture.completedFuture(null)
            : parallel.forkRun(() -> write(() -> tag(events, update)));
    if (update.putRule()) {
      write(() -> events.putRule(bus, update.rule().definition(), update.rule().tags()));
    }
    Parallel.join(tag);
    return true;
  }

  private boolean delete(EventBridgePort events, String bus, RuleChange.DeleteRule delete) {
    if (!delete.targetIds().isEmpty()) {
      write(
          () -> {
            events.removeTargets(bus, delete.ruleName(), delete.targetIds());
            return delete.ruleName();
          });
    }
    return write(
        () -> {
          events.deleteRule(bus, delete.ruleName());
          return delete.ruleName();
        });
  }

  private CompletableFuture<Boolean> afterBoth(
      CompletableFuture<Boolean> topic,
      CompletableFuture<Boolean> rule,
      String resource,
      Runnable step) {
    return topic.thenCombineAsync(
        rule,
        (t, r) ->
            t
                && r
                && attempt(
                    resource,
                    () -> {
                      step.run();
                      return true;
                    }),
        parallel::forkRun);
  }

  private boolean putTarget(
      EventBridgePort events, String bus, String ruleName, RuleTarget target) {
    return write(
        () -> {
          events.putTargets(bus, ruleName, List.of(target));
          return ruleName;
        });
  }

  private static String subscribeTo(SnsPort sns, String topicArn, SubscriptionSpec subscription) {
    sns.subscribe(topicArn, subscription.protocol(), subscription.endpoint());
    return topicArn;
  }

  /**
   * Runs one step; a failure is recorded with the resource it concerned, and the step reports
   * false.
   */
  private boolean attempt(String resource, Supplier<Boolean> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      failures.add(resource + ": " + e.getMessage());
      return false;
    }
  }

  /** One write call: counted, and held to the region's calls in flight. */
  private boolean write(Supplier<?> call) {
    inFlight.acquireUninterruptibly();
    try {
      writes.incrementAndGet();
      call.get();
      return true;
    } finally {
      inFlight.release();
    }
  }

  private static String set(SnsPort sns, String topicArn, String attribute, String value) {
    sns.setTopicAttribute(topicArn, attribute, value);
    return topicArn;
  }

  private static String tag(EventBridgePort events, RuleChange.UpdateRule update) {
    events.tagRule(update.arn(), update.tags());
    return update.arn();
  }

  private static <T> List<T> ofType(List<?> changes, Class<T> type) {
    return changes.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
