package dev.irctl.engine.alertpath;

import dev.irctl.engine.port.MetricsPort.AlarmSpec;
import java.util.List;

/**
 * The region's alarm on the FailedInvocations of the rules that watch irctl's own alerting: one
 * metric math expression summing each rule's {@code AWS/Events FailedInvocations} (dimension {@code
 * RuleName} alone, which is how EventBridge reports rules on the default bus), in ALARM as soon as
 * one delivery of one of them fails permanently in five minutes. EventBridge emits the metric only
 * when it is not zero, so missing data is "not breaching". The alarm has no action of irctl's:
 * notifying through irctl's topic cannot survive the topic's deletion, so the alarm's state is the
 * evidence, which status and doctor read (docs/alert-path.md). Actions a user adds are kept. Pure.
 */
public final class AlertPathAlarm {
  public static final String NAME = "irctl-alert-path-failed-invocations";
  static final String EXPRESSION = "SUM(METRICS())";
  static final int PERIOD_SECONDS = 300;
  static final String COMPARISON = "GreaterThanOrEqualToThreshold";
  static final String MISSING_DATA = "notBreaching";

  private AlertPathAlarm() {}

  public static AlarmSpec spec(List<String> ruleNames) {
    return new AlarmSpec(
        NAME,
        "irctl: a rule that watches irctl's own alerting failed to deliver (its topic target is"
            + " likely what was tampered with). The events are in the /irctl/alert-path log group.",
        ruleNames.stream().sorted().toList(),
        EXPRESSION,
        PERIOD_SECONDS,
        1,
        1.0,
        COMPARISON,
        MISSING_DATA);
  }
}
