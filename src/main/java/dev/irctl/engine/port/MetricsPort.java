package dev.irctl.engine.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CloudWatch metrics and metric alarms in one region. */
public interface MetricsPort {
  /**
   * The sum of {@code AWS/Events FailedInvocations} per rule on the default bus (dimension {@code
   * RuleName} only) between {@code from} and {@code to}: one GetMetricData request for all rules
   * (up to 500 per request). Rules without data points are absent: EventBridge emits the metric
   * only when it is not zero.
   */
  Map<String, Double> failedInvocations(List<String> ruleNames, Instant from, Instant to);

  /** The metric alarm of exactly this name (DescribeAlarms), or empty. */
  Optional<Alarm> alarm(String name);

  /** The alarm's tags (ListTagsForResource on the alarm ARN). */
  Map<String, String> alarmTags(String alarmArn);

  /**
   * PutMetricAlarm: creates or replaces the alarm. {@code tags} only take effect when the alarm is
   * created (AWS ignores them on an update); {@code actions} are the alarm actions to keep.
   */
  void putAlarm(AlarmSpec spec, List<String> actions, Map<String, String> tags);

  /**
   * An alarm on the sum of {@code AWS/Events FailedInvocations} (statistic Sum, dimension {@code
   * RuleName}) of some rules on the default bus: one metric math expression over them.
   */
  record AlarmSpec(
      String name,
      String description,
      List<String> ruleNames,
      String expression,
      int periodSeconds,
      int evaluationPeriods,
      double threshold,
      String comparison,
      String treatMissingData) {
    public AlarmSpec {
      ruleNames = List.copyOf(ruleNames);
    }
  }

  /**
   * An alarm as it is: what it watches, its actions (the user's to set), and its state ({@code OK},
   * {@code ALARM}, {@code INSUFFICIENT_DATA}) with the reason and when it last changed.
   */
  record Alarm(
      String arn,
      AlarmSpec spec,
      List<String> actions,
      String state,
      String stateReason,
      Optional<Instant> stateUpdated) {
    public Alarm {
      actions = List.copyOf(actions);
    }
  }
}
