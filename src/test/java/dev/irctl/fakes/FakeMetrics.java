package dev.irctl.fakes;

import dev.irctl.engine.port.MetricsPort;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CloudWatch in one region: FailedInvocations sums per rule, as seeded, and metric alarms with tags
 * (tags kept from the create only, as AWS does) and a state a test can set.
 */
public final class FakeMetrics implements MetricsPort {
  private final String region;
  private final CallLog log;
  private final Map<String, Double> failed = new HashMap<>();
  private final Map<String, Alarm> alarms = new TreeMap<>();
  private final Map<String, Map<String, String>> alarmTags = new HashMap<>();

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

  @Override
  public Optional<Alarm> alarm(String name) {
    log.record(region, "cloudwatch:DescribeAlarms", false);
    synchronized (this) {
      return Optional.ofNullable(alarms.get(name));
    }
  }

  @Override
  public Map<String, String> alarmTags(String alarmArn) {
    log.record(region, "cloudwatch:ListTagsForResource", false);
    synchronized (this) {
      return Map.copyOf(alarmTags.getOrDefault(alarmArn, Map.of()));
    }
  }

  @Override
  public void putAlarm(AlarmSpec spec, List<String> actions, Map<String, String> tags) {
    log.record(region, "cloudwatch:PutMetricAlarm", true);
    synchronized (this) {
      String arn = arn(spec.name());
      Alarm existing = alarms.get(spec.name());
      if (existing == null) {
        alarmTags.put(arn, new HashMap<>(tags));
        existing =
            new Alarm(
                arn,
                spec,
                actions,
                "INSUFFICIENT_DATA",
                "Unchecked: Initial alarm creation",
                Optional.empty());
      }
      // An update keeps the alarm's state, as PutMetricAlarm does.
      alarms.put(
          spec.name(),
          new Alarm(
              arn,
              spec,
              actions,
              existing.state(),
              existing.stateReason(),
              existing.stateUpdated()));
    }
  }

  /** Seeds an alarm as someone (or irctl) left it, with these tags. */
  public synchronized FakeMetrics alarm(Alarm alarm, Map<String, String> tags) {
    alarms.put(alarm.spec().name(), alarm);
    alarmTags.put(alarm.arn(), new HashMap<>(tags));
    return this;
  }

  /** Sets an alarm's state as CloudWatch's evaluation would. */
  public synchronized FakeMetrics state(String name, String state, String reason, Instant when) {
    Alarm a = alarms.get(name);
    alarms.put(name, new Alarm(a.arn(), a.spec(), a.actions(), state, reason, Optional.of(when)));
    return this;
  }

  public synchronized Optional<Alarm> alarmNamed(String name) {
    return Optional.ofNullable(alarms.get(name));
  }

  public String arn(String name) {
    return "arn:aws:cloudwatch:" + region + ":111122223333:alarm:" + name;
  }
}
