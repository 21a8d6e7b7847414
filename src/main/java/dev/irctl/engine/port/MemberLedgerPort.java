package dev.irctl.engine.port;

import java.util.Set;

/**
 * Which GuardDuty members irctl made (CreateMembers) in one region of the administrator account.
 * GuardDuty members carry no tags, so irctl keeps its own record, owned by irctl in the same
 * account and region; {@code org remove} removes only the members in it.
 */
public interface MemberLedgerPort {
  /** The account ids irctl made members; empty when it made none. */
  Set<String> members();

  /** Adds accounts to the record (no write when they are all in it already). */
  void record(Set<String> accountIds);

  /** Takes accounts out of the record (no write when none of them is in it). */
  void forget(Set<String> accountIds);
}
