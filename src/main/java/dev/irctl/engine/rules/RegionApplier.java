package dev.irctl.engine.rules;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.run.Cancellation;
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
  private final Cancellation cancellation;
  private volatile boolean allRetryable = true;

  /**
   * Bounds the write calls in flight in this region (a user catalog can hold hundreds of rules).
   */
  private final Semaphore inFlight = new Semaphore(RegionReader.CALLS_IN_FLIGHT);

  public RegionApplier(Parallel parallel) {
    this(parallel, Cancellation.none());
  }

  /**
   * Once {@code cancellation} is requested no new branch starts (the topic, a rule, a deletion, a
   * subscription); a rule whose PutRule went still gets its PutTargets, so no rule is left without
   * its target by the stop.
   */
  public RegionApplier(Parallel parallel, Cancellation cancellation) {
    this.parallel = parallel;
    this.cancellation = cancellation;
  }

  /**
   * What was written and what failed; {@code retryable}: every failure was one a second pass may
   * not meet.
   */
  public record Outcome(int writes, List<String> failures, boolean retryable) {}

  public Outcome apply(EventBridgePort events, SnsPort sns, String bus, RegionPlan plan) {
    CompletableFuture<Boolean> topic =
        // The topic is never held back by a stop: rules whose PutRule already went need it for
        // their
        // PutTargets, and it is at most three calls.
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
                    d -> start(d.resource(), () -> delete(events, bus, d)))));
    for (RuleChange change : plan.ruleChanges()) {
      if (change instanceof RuleChange.CreateRule create) {
        CompletableFuture<Boolean> rule =
            parallel.fork(
                () ->
                    start(
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
                () -> putTargets(events, bus, create.ruleName(), create.targets())));
      } else if (change instanceof RuleChange.UpdateRule update) {
        CompletableFuture<Boolean> rule =
            parallel.fork(() -> start(update.resource(), () -> updateRule(events, bus, update)));
        if (!update.targets().isEmpty() || !update.staleTargetIds().isEmpty()) {
          work.add(
              afterBoth(
                  topic,
                  rule,
                  update.resource(),
                  () -> {
                    if (!update.targets().isEmpty()) {
                      putTargets(events, bus, update.ruleName(), update.targets());
                    }
                    if (!update.staleTargetIds().isEmpty()) {
                      write(
                          () -> {
                            events.removeTargets(bus, update.ruleName(), update.staleTargetIds());
                            return update.ruleName();
                          },
                          true);
                    }
                  }));
        }
        work.add(rule);
      }
    }
    for (TopicChange.Subscribe subscribe :
        ofType(plan.topicChanges(), TopicChange.Subscribe.class)) {
      work.add(
          topic.thenAcceptAsync(
              ok -> {
                if (ok) {
                  start(
                      subscribe.resource(),
                      () ->
                          write(() -> subscribeTo(sns, plan.topicArn(), subscribe.subscription())));
                }
              },
              parallel::forkRun));
    }
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    retireTopic(sns, plan);
    return new Outcome(writes.get(), List.copyOf(failures), allRetryable);
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
        write(() -> sns.createTopic(create.name(), create.attributes(), create.tags()), true);
      } else if (change instanceof TopicChange.SetPolicy policy) {
        write(() -> set(sns, policy.topicArn(), "Policy", policy.policy()), true);
      } else if (change instanceof TopicChange.SetKmsKey key) {
        write(() -> set(sns, key.topicArn(), "KmsMasterKeyId", key.keyId()), true);
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
    boolean removed = !delete.targetIds().isEmpty();
    if (removed) {
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
        },
        removed);
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

  /**
   * One PutTargets for all of a rule's changed irctl targets (at most five, under its ten). A
   * follow-up: its PutRule went, so the rule gets its targets even after a stop.
   */
  private boolean putTargets(
      EventBridgePort events, String bus, String ruleName, List<RuleTarget> targets) {
    return write(
        () -> {
          events.putTargets(bus, ruleName, targets);
          return ruleName;
        },
        true);
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
      if (!(e instanceof AwsCallException aws && aws.retryable())) {
        allRetryable = false;
      }
      failures.add(resource + ": " + e.getMessage());
      return false;
    }
  }

  /** A step that depends on no other write: not started once the run is stopped. */
  private boolean start(String resource, Supplier<Boolean> step) {
    if (cancellation.requested()) {
      failures.add(resource + ": " + Cancellation.NOT_STARTED);
      return false;
    }
    return attempt(resource, step);
  }

  private boolean write(Supplier<?> call) {
    return write(call, false);
  }

  /**
   * One write call: counted, and held to the region's calls in flight. Once the run is stopped only
   * a {@code followUp} (a write that completes one already made) still goes.
   */
  private boolean write(Supplier<?> call, boolean followUp) {
    inFlight.acquireUninterruptibly();
    try {
      if (!followUp && cancellation.requested()) {
        throw new NotStarted();
      }
      writes.incrementAndGet();
      call.get();
      return true;
    } finally {
      inFlight.release();
    }
  }

  /** A write the stop kept from starting; recorded like a failure, as not started. */
  private static final class NotStarted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotStarted() {
      super(Cancellation.NOT_STARTED, null, false, false);
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
