package dev.irctl.engine.org;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.OrganizationsPort;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The organization's account list, read once per run and shared by the region tasks. It is walked
 * OU by OU, in parallel: ListRoots, then for every root and OU at once its accounts
 * (ListAccountsForParent) and its child OUs (ListOrganizationalUnitsForParent), each child walked
 * as soon as it is known. Every Organizations list holds at most 20 items a page, so one
 * ListAccounts of 1,000 accounts is 50 pages in sequence; the walk's longest chain is the OU depth
 * plus the pages of the largest OU. A failed read is kept too, so every region fails with the same
 * reason and the list is not asked for again.
 */
public final class OrgAccounts {
  /**
   * Organizations calls in flight at once: the walk of a large tree must not burst past the
   * service's per-account request rate before the SDK's throttling retries step in.
   */
  static final int CALLS_IN_FLIGHT = 8;

  private List<OrgAccount> accounts;
  private RuntimeException failure;

  /** The accounts sorted by id, read on the first call; thread-safe. */
  public synchronized List<OrgAccount> get(OrganizationsPort organizations, Parallel parallel) {
    if (accounts == null && failure == null) {
      try {
        accounts = new Walk(organizations, parallel).accounts();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return accounts;
  }

  private record Walk(OrganizationsPort organizations, Parallel parallel, Semaphore permits) {
    Walk(OrganizationsPort organizations, Parallel parallel) {
      this(organizations, parallel, new Semaphore(CALLS_IN_FLIGHT));
    }

    List<OrgAccount> accounts() {
      List<CompletableFuture<List<OrgAccount>>> roots = new ArrayList<>();
      for (String root : call(organizations::listRoots)) {
        roots.add(parallel.fork(() -> under(root)));
      }
      List<OrgAccount> all = new ArrayList<>();
      roots.forEach(f -> all.addAll(Parallel.join(f)));
      all.sort(Comparator.comparing(OrgAccount::id));
      return List.copyOf(all);
    }

    /** The accounts in {@code parent} and every OU below it. */
    private List<OrgAccount> under(String parent) {
      CompletableFuture<List<OrgAccount>> here =
          parallel.fork(() -> call(() -> organizations.listAccountsForParent(parent)));
      List<CompletableFuture<List<OrgAccount>>> below = new ArrayList<>();
      for (String child : call(() -> organizations.listOrganizationalUnits(parent))) {
        below.add(parallel.fork(() -> under(child)));
      }
      // Join every branch before rethrowing one's failure, so no call outlives the walk.
      CompletableFuture.allOf(below.toArray(CompletableFuture[]::new))
          .handle((v, e) -> null)
          .join();
      List<OrgAccount> found = new ArrayList<>(Parallel.join(here));
      below.forEach(f -> found.addAll(Parallel.join(f)));
      return found;
    }

    private <T> T call(java.util.function.Supplier<T> list) {
      permits.acquireUninterruptibly();
      try {
        return list.get();
      } finally {
        permits.release();
      }
    }
  }
}
