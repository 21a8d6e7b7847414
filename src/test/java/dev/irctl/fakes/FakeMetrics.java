package dev.irctl.fakes;

import dev.irctl.engine.port.MetricsPort;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CloudWatch in one region: FailedInvocations sums per rule, as seeded. */
public final class FakeMetrics implements MetricsPort {
  private final String region;
  private final CallLog log;
  private final Map<String, Double> failed = new HashMap<>();

  FakeMetrics(String region, CallLog log) {
    this.region = region;
    this.log = log;
  }

  public synchronized FakeMetrics failedInvocations(String ruleName, double sum) {
    failed.put(ruleName, sum);
    return this;
  }

  @Override
  public Map<String, Double> failedInvocations(List<String> ruleNames, Instant from, Instant to) {
    for (int i = 0; i == 0 || i * 500 < ruleNames.size(); i++) {
      log.record(region, "cloudwatch:GetMetricData", false);
    }
    Map<String, Double> result = new HashMap<>();
    synchronized (this) {
      ruleNames.stream().filter(failed::containsKey).forEach(r -> result.put(r, failed.get(r)));
    }
    return result;
  }
}
