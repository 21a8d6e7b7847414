package dev.irctl.engine.alertpath;

import dev.irctl.engine.Change;
import dev.irctl.engine.ChangeAction;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.port.MetricsPort.AlarmSpec;
import java.util.List;
import java.util.Map;

/** The changes to the tamper path's resources a region's plan can hold. */
public sealed interface AlertPathChange extends Change.Described {
  /** CreateLogGroup with irctl's tags, then PutRetentionPolicy. */
  record CreateLogGroup(String name, Map<String, String> tags, int retentionDays)
      implements AlertPathChange {
    public CreateLogGroup {
      tags = Map.copyOf(tags);
    }

    @Override
    public Description describe() {
      return Description.create(
          "log group " + name,
          "missing",
          List.of(FieldDiff.of("retentionInDays", null, retentionDays)));
    }
  }

  /** PutRetentionPolicy on irctl's log group, whose retention is shorter than irctl keeps. */
  record SetRetention(String name, Integer before, int retentionDays) implements AlertPathChange {
    @Override
    public Description describe() {
      return Description.update(
          "log group " + name,
          "retention shorter than " + retentionDays + " days",
          List.of(FieldDiff.of("retentionInDays", before, retentionDays)));
    }
  }

  /**
   * PutResourcePolicy of irctl's named policy: irctl's statement added or replaced, every other
   * statement in it kept.
   */
  record PutPolicy(String name, String document, boolean create, List<FieldDiff> diffs)
      implements AlertPathChange {
    public PutPolicy {
      diffs = List.copyOf(diffs);
    }

    @Override
    public Description describe() {
      return new Description(
          create ? ChangeAction.CREATE : ChangeAction.UPDATE,
          "logs resource policy " + name,
          create ? "missing" : "EventBridge statement differs",
          diffs);
    }
  }

  /** PutMetricAlarm: created with irctl's tags, or replaced keeping the actions it has. */
  record PutAlarm(
      AlarmSpec spec,
      List<String> actions,
      Map<String, String> tags,
      boolean create,
      List<FieldDiff> diffs)
      implements AlertPathChange {
    public PutAlarm {
      actions = List.copyOf(actions);
      tags = Map.copyOf(tags);
      diffs = List.copyOf(diffs);
    }

    @Override
    public Description describe() {
      return new Description(
          create ? ChangeAction.CREATE : ChangeAction.UPDATE,
          "alarm " + spec.name(),
          create ? "missing" : "alarm differs",
          diffs);
    }
  }
}
