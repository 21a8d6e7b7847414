package dev.irctl.engine.org;

import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.GuardDutyOrgPort.OrgConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The organization configuration as the admin wants it: members' auto-enable ({@code ALL} by
 * default, so existing accounts are covered too, or {@code NEW}) and the auto-enable of the
 * features the user named. Features not named are left as they are; one update sends both.
 */
public final class OrgConfigurationPlanner {
  private OrgConfigurationPlanner() {}

  /** What the user asked for: members' auto-enable and named features' auto-enable. */
  public record Desired(AutoEnable members, Map<String, AutoEnable> features) {
    public Desired {
      features = Map.copyOf(features);
    }

    public static Desired allMembers() {
      return new Desired(AutoEnable.ALL, Map.of());
    }
  }

  public static Optional<OrgChange> plan(
      String region, String detectorId, Desired desired, OrgConfiguration actual) {
    List<FieldDiff> diffs = new ArrayList<>();
    if (desired.members() != actual.members()) {
      diffs.add(FieldDiff.of("autoEnableOrganizationMembers", actual.members(), desired.members()));
    }
    Map<String, AutoEnable> changed = new TreeMap<>();
    new TreeMap<>(desired.features())
        .forEach(
            (feature, auto) -> {
              AutoEnable before = actual.features().getOrDefault(feature, AutoEnable.NONE);
              if (before != auto) {
                changed.put(feature, auto);
                diffs.add(FieldDiff.of("feature " + feature + " autoEnable", before, auto));
              }
            });
    if (diffs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new OrgChange.UpdateOrgConfiguration(
            region, detectorId, desired.members(), changed, diffs));
  }
}
