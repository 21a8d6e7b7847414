package dev.irctl.engine.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CloudWatch metrics in one region. */
public interface MetricsPort {
  /**
   * The sum of {@code AWS/Events FailedInvocations} per rule on the default bus (dimension {@code
   * RuleName} only) between {@code from} and {@code to}: one GetMetricData request for all rules
   * (up to 500 per request). Rules without data points are absent: EventBridge emits the metric
   * only when it is not zero.
   */
  Map<String, Double> failedInvocations(List<String> ruleNames, Instant from, Instant to);
}
