package dev.irctl.engine.delivery;

import static dev.irctl.engine.delivery.DeliveryFinding.broken;
import static dev.irctl.engine.delivery.DeliveryFinding.warn;

import dev.irctl.engine.alertpath.AlertPathAlarm;
import dev.irctl.engine.hub.AlertPathLogGroup;
import dev.irctl.engine.port.MetricsPort.Alarm;
import java.util.ArrayList;
import java.util.List;

/**
 * The tamper path's second target: the log group the rules that watch irctl's alerting also write
 * to, and the alarm on their FailedInvocations, whose ALARM state is the evidence that an alert did
 * not get through (its rules' first target, the topic, is the likely thing tampered with). Only
 * where some irctl rule targets the log group. Pure.
 */
final class AlertPathChecks {
  private AlertPathChecks() {}

  static List<DeliveryFinding> all(RegionFacts facts) {
    List<DeliveryFinding> findings = new ArrayList<>();
    if (facts.alertPath().isEmpty()) {
      return findings;
    }
    RegionFacts.AlertPathFacts path = facts.alertPath().get();
    if (!path.logGroupExists()) {
      findings.add(
          broken(
              FindingKind.ALERT_PATH_LOG_GROUP_MISSING,
              "log group "
                  + AlertPathLogGroup.NAME
                  + " is gone: the tamper rules' second target delivers nowhere",
              "Run 'irctl apply' to recreate it, and find out who deleted it"
                  + " (log-source-deleted alerts on DeleteLogGroup)."));
    }
    if (path.alarm().isEmpty()) {
      findings.add(
          warn(
              FindingKind.ALERT_PATH_ALARM_MISSING,
              "alarm "
                  + AlertPathAlarm.NAME
                  + " is missing: failed tamper alerts leave no state to read",
              "Run 'irctl apply' to create it."));
    } else if ("ALARM".equals(path.alarm().get().state())) {
      Alarm alarm = path.alarm().get();
      findings.add(
          broken(
              FindingKind.ALERT_PATH_ALARM_FIRING,
              "alarm "
                  + AlertPathAlarm.NAME
                  + " is in ALARM"
                  + alarm.stateUpdated().map(t -> " since " + t).orElse("")
                  + ": a rule that watches irctl's own alerting failed to deliver ("
                  + alarm.stateReason()
                  + ")",
              "Read the events in log group "
                  + AlertPathLogGroup.NAME
                  + ", then check the topic, its policy and its key."));
    }
    return findings;
  }
}
