package dev.irctl.engine.status;

import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.hub.ForwarderRolePart;
import java.util.List;

/**
 * Where some region forwards (to a hub, or carried sign-ins to a chosen region): whether the role
 * the forwarders use is as apply-rules makes it. Each problem is the step apply-rules would take,
 * in a few words; none: ok.
 */
public record ForwarderRoleStatus(String busArn, List<String> problems) {
  public ForwarderRoleStatus {
    problems = List.copyOf(problems);
  }

  static ForwarderRoleStatus of(String busArn, List<ForwarderRolePart.RoleChange> changes) {
    return new ForwarderRoleStatus(
        busArn,
        changes.stream()
            .map(
                c ->
                    switch (c.step()) {
                      case CREATE_ROLE -> "missing";
                      case UPDATE_TRUST ->
                          "trust policy differs (events.amazonaws.com for this account only)";
                      case PUT_POLICY -> "may not put events on the destination bus " + busArn;
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
