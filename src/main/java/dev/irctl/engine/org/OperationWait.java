package dev.irctl.engine.org;

import dev.irctl.engine.port.StackSetsPort;
import dev.irctl.engine.port.StackSetsPort.Operation;
import dev.irctl.engine.port.StackSetsPort.OperationResult;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Waits for a StackSet operation: polls DescribeStackSetOperation at an interval until the
 * operation is done (or the wait times out), then reads the per account and region results once, so
 * failed instances are reported with CloudFormation's reason. One results listing per operation
 * rather than per poll: with 1,000 accounts x 17 regions that listing is 170 pages.
 */
public final class OperationWait {
  /** How the wait passes time; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** The final operation, its results, and whether irctl stopped waiting before it finished. */
  public record Outcome(Operation operation, List<OperationResult> results, boolean timedOut) {
    public Outcome {
      results = List.copyOf(results);
    }

    public List<OperationResult> failed() {
      return results.stream().filter(r -> "FAILED".equals(r.status())).toList();
    }

    public long succeeded() {
      return results.stream().filter(r -> "SUCCEEDED".equals(r.status())).count();
    }

    /** One line per failed instance, with CloudFormation's reason when it gives one. */
    public List<String> failures(String stackSet) {
      return failed().stream()
          .map(
              r ->
                  stackSet
                      + " in "
                      + r.account()
                      + " "
                      + r.region()
                      + ": "
                      + (r.statusReason() == null ? "failed" : r.statusReason()))
          .toList();
    }
  }

  private final Duration interval;
  private final Duration timeout;
  private final Sleeper sleeper;

  public OperationWait(Duration interval, Duration timeout, Sleeper sleeper) {
    if (interval.isNegative() || timeout.isNegative()) {
      throw new IllegalArgumentException("interval and timeout must not be negative");
    }
    this.interval = interval;
    this.timeout = timeout;
    this.sleeper = sleeper;
  }

  /** Real time: a poll every 10 s for up to an hour (large organizations take that long). */
  public static OperationWait standard() {
    return new OperationWait(
        Duration.ofSeconds(10), Duration.ofHours(1), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Polls until done, telling {@code progress} of each poll while the operation runs: "{@code
   * stackSet}: {@code verb} operation {@code operationId} running, n failed so far".
   */
  public Outcome await(
      StackSetsPort stackSets,
      String stackSet,
      String operationId,
      String verb,
      Consumer<String> progress) {
    return await(
        stackSets,
        stackSet,
        operationId,
        op -> {
          if (!op.done()) {
            progress.accept(
                stackSet
                    + ": "
                    + verb
                    + " operation "
                    + operationId
                    + " running, "
                    + op.failedCount()
                    + " failed so far");
          }
        });
  }

  /**
   * Polls until done; {@code progress} sees every polled state (for "RUNNING, n failed so far").
   */
  public Outcome await(
      StackSetsPort stackSets, String stackSet, String operationId, Consumer<Operation> progress) {
    // A zero interval (tests) still stops, after 1,000 polls.
    long polls = interval.isZero() ? 1000 : Math.max(1, timeout.dividedBy(interval));
    Operation operation = stackSets.describeOperation(stackSet, operationId);
    progress.accept(operation);
    long done = 1;
    while (!operation.done()) {
      if (done >= polls) {
        return new Outcome(operation, List.of(), true);
      }
      try {
        sleeper.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(operation, List.of(), true);
      }
      operation = stackSets.describeOperation(stackSet, operationId);
      progress.accept(operation);
      done++;
    }
    return new Outcome(operation, stackSets.operationResults(stackSet, operationId), false);
  }
}
