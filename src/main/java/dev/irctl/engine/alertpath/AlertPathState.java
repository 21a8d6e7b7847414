package dev.irctl.engine.alertpath;

import dev.irctl.engine.port.LogGroupPort.LogGroup;
import dev.irctl.engine.port.MetricsPort.AlarmSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tamper path's resources in one region as they are: the log group and its tags, irctl's
 * CloudWatch Logs resource policy (by name) and how many policies the region holds, and the alarm
 * with its tags and actions. The alarm's state is left out: it is not something irctl plans, and it
 * must not make a saved plan look stale.
 */
public record AlertPathState(
    Optional<LogGroup> logGroup,
    Map<String, String> logGroupTags,
    Optional<String> policy,
    int policyCount,
    Optional<AlarmSpec> alarm,
    List<String> alarmActions,
    Map<String, String> alarmTags) {
  public AlertPathState {
    logGroupTags = Map.copyOf(logGroupTags);
    alarmActions = List.copyOf(alarmActions);
    alarmTags = Map.copyOf(alarmTags);
  }
}
