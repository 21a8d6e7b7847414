package dev.irctl.engine.port;

/**
 * A threat intel or trusted IP list as GuardDuty has it. {@code status} is GuardDuty's, e.g.
 * ACTIVE.
 */
public record ListSet(
    ListKind kind, String id, String name, String location, ListFormat format, String status) {
  public boolean active() {
    return "ACTIVE".equals(status) || "ACTIVATING".equals(status);
  }
}
