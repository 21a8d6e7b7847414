package dev.irctl.engine.org;

import dev.irctl.engine.port.GuardDutyOrgPort.AdminAccount;
import java.util.List;
import java.util.Optional;

/**
 * GuardDuty's delegated administrator is designated per region: where there is none, designate the
 * chosen account; where it already is, nothing; where another account is, refuse and name it (irctl
 * never replaces an administrator someone else chose).
 */
public final class DelegatedAdminPlanner {
  private DelegatedAdminPlanner() {}

  public enum Status {
    /** The chosen account already is the administrator here. */
    ALREADY,
    /** No administrator here: designate the chosen account. */
    DESIGNATE,
    /** Another account is the administrator here. */
    REFUSED
  }

  /** One region's decision; {@code existing} is the administrator found, if any. */
  public record Decision(String region, Status status, Optional<String> existing) {
    public Optional<OrgChange> change(String accountId) {
      return status == Status.DESIGNATE
          ? Optional.of(new OrgChange.DesignateAdmin(region, accountId))
          : Optional.empty();
    }

    /** Why a refused region is refused, naming the other administrator. */
    public String refusal(String accountId) {
      return region
          + ": "
          + existing.orElse("?")
          + " is already GuardDuty's delegated administrator, not "
          + accountId
          + "; irctl does not replace it. Deregister it first ("
          + "aws guardduty disable-organization-admin-account --region %s".formatted(region)
          + ") if "
          + accountId
          + " should take over.";
    }
  }

  public static Decision plan(String region, String accountId, List<AdminAccount> admins) {
    // An admin being disabled still blocks a new designation until it is gone.
    Optional<String> other =
        admins.stream().map(AdminAccount::accountId).filter(a -> !a.equals(accountId)).findFirst();
    if (other.isPresent()) {
      return new Decision(region, Status.REFUSED, other);
    }
    boolean here = admins.stream().anyMatch(a -> a.accountId().equals(accountId) && a.enabled());
    if (here) {
      return new Decision(region, Status.ALREADY, Optional.of(accountId));
    }
    return new Decision(region, Status.DESIGNATE, Optional.empty());
  }
}
