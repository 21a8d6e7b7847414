package dev.irctl.bench;

import dev.irctl.fakes.CallLog;
import java.util.List;

/**
 * Where a benchmark run's wall time went, from the fakes' call timeline: the CPU work before the
 * first call (command line, catalog), the span of the calls, and the work after the last call ended
 * (planning what was read last, rendering). With the dependent-call chain known, the gaps say
 * whether the time is waiting or work.
 */
public final class Timeline {
  private Timeline() {}

  /** One line: before the first call, calls, after the last call, most calls in flight. */
  public static String summary(CallLog log, long startNanos, long endNanos, long latencyMs) {
    List<CallLog.Timed> timeline = log.timeline();
    if (timeline.isEmpty()) {
      return "no calls";
    }
    long first = timeline.stream().mapToLong(CallLog.Timed::startNanos).min().orElseThrow();
    long last = timeline.stream().mapToLong(CallLog.Timed::startNanos).max().orElseThrow();
    long lastEnd = last + latencyMs * 1_000_000;
    return String.format(
        "first call after %d ms, last call started at %d ms, %d ms of work after it ended;"
            + " at most %d calls in flight",
        (first - startNanos) / 1_000_000,
        (last - startNanos) / 1_000_000,
        Math.max(0, endNanos - lastEnd) / 1_000_000,
        log.maxInFlight());
  }
}
