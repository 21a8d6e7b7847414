package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.engine.run.Cancellation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ctrl-C and SIGTERM while a command runs: a JVM shutdown hook requests the run's {@link
 * Cancellation} (no new write starts, calls in flight finish) and holds the process until the
 * command has printed what it did, at most {@link #GRACE}; the JVM then exits 128 + the signal (130
 * for SIGINT, 143 for SIGTERM). A signal at the apply question ends the process at once. Tests call
 * {@link #interrupt} in-process, as the hook does. One hook for every command: a command whose run
 * must undo something on a signal (the drill's queues) hands that to {@link #guard(Consumer,
 * Runnable, Supplier)}.
 */
final class Interruption {
  /** How long a signalled process waits for the calls in flight and the summary. */
  static final Duration GRACE = Duration.ofSeconds(20);

  private volatile Cancellation cancellation = Cancellation.none();
  private volatile int exitCode = ExitCode.TERMINATED;
  private volatile boolean asking;
  private volatile CountDownLatch finished = new CountDownLatch(0);
  private volatile Consumer<String> progress = line -> {};
  private volatile Runnable onStop = () -> {};

  /**
   * Runs {@code body} with the shutdown hook installed; {@code progress} prints (stderr). Returns
   * what {@code body} returns.
   */
  <T> T guard(Consumer<String> progress, Supplier<T> body) {
    return guard(progress, () -> {}, body);
  }

  /**
   * As {@link #guard(Consumer, Supplier)}; a signal also runs {@code onStop} (on the signalling
   * thread, after the cancellation is requested) before waiting for {@code body} to end.
   */
  <T> T guard(Consumer<String> progress, Runnable onStop, Supplier<T> body) {
    this.progress = progress;
    this.onStop = onStop;
    this.cancellation = Cancellation.none();
    this.finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              // The JVM exits 128 + the signal whatever is passed here; the code is for messages
              // and in-process runs.
              if (interrupt(ExitCode.TERMINATED, "the process was asked to stop")) {
                awaitFinished(GRACE);
              }
            },
            "irctl-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return body.get();
    } finally {
      finished.countDown();
      this.onStop = () -> {};
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it ends once it sees the count down above
      }
    }
  }

  /** The run's cancellation: hand it to the runner's mode. */
  Cancellation cancellation() {
    return cancellation;
  }

  /**
   * Marks the question between plan and apply: a signal there ends the process at once, as nothing
   * is being written and no summary is owed.
   */
  <T> T asking(Supplier<T> question) {
    asking = true;
    try {
      return question.get();
    } finally {
      asking = false;
    }
  }

  /**
   * What a signal does: stop the run. True when the command is not waiting for an answer, so its
   * summary is worth waiting for.
   */
  boolean interrupt(int exitCode, String why) {
    boolean wait = !asking && finished.getCount() > 0;
    if (cancellation.requested()) {
      return wait;
    }
    this.exitCode = exitCode;
    cancellation.request(why);
    if (wait) {
      progress.accept(
          "Interrupted ("
              + why
              + "): starting no more writes; waiting up to "
              + GRACE.toSeconds()
              + " s for the calls in flight.");
      onStop.run();
    }
    return wait;
  }

  boolean interrupted() {
    return cancellation.requested();
  }

  int exitCode() {
    return exitCode;
  }

  private void awaitFinished(Duration grace) {
    try {
      if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        progress.accept(
            "Gave up waiting after "
                + grace.toSeconds()
                + " s: calls may still have been in flight. Re-run to converge.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
