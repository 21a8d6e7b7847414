package dev.irctl.engine.status;

import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.hub.ForwarderRolePart;
import java.util.List;

/**
 * With a hub: whether the role the forwarders use is as apply-rules makes it. Each problem is the
 * step apply-rules would take, in a few words; none: ok.
 */
public record ForwarderRoleStatus(String hubBusArn, List<String> problems) {
  public ForwarderRoleStatus {
    problems = List.copyOf(problems);
  }

  static ForwarderRoleStatus of(String hubBusArn, List<ForwarderRolePart.RoleChange> changes) {
    return new ForwarderRoleStatus(
        hubBusArn,
        changes.stream()
            .map(
                c ->
                    switch (c.step()) {
                      case CREATE_ROLE -> "missing";
                      case UPDATE_TRUST ->
                          "trust policy differs (events.amazonaws.com for this account only)";
                      case PUT_POLICY -> "may not put events on the hub bus " + hubBusArn;
                    })
            .distinct()
            .toList());
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public String name() {
    return ForwarderRole.NAME;
  }
}
