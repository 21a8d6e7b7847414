package dev.irctl.engine.org;

import dev.irctl.engine.port.OrganizationsPort;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
import java.util.List;

/**
 * The organization's account list, read once per run (ListAccounts, every page) and shared by the
 * region tasks: with 1,000 accounts and 17 regions that is 50 calls, not 850. A failed read is kept
 * too, so every region fails with the same reason and the list is not asked for again.
 */
public final class OrgAccounts {
  private List<OrgAccount> accounts;
  private RuntimeException failure;

  /** The accounts, read on the first call; thread-safe. */
  public synchronized List<OrgAccount> get(OrganizationsPort organizations) {
    if (accounts == null && failure == null) {
      try {
        accounts = List.copyOf(organizations.listAccounts());
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return accounts;
  }
}
