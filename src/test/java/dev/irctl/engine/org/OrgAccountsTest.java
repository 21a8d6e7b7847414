package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
import dev.irctl.fakes.FakeOrganizations;
import dev.irctl.fakes.FakePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrgAccountsTest {
  private final FakePorts aws = new FakePorts();
  private final Parallel parallel = new Parallel();

  @AfterEach
  void close() {
    parallel.close();
  }

  @Test
  void walkFindsTheAccountsOfTheRootAndOfEveryNestedOuOnce() {
    aws.organizationsFake()
        .organization("o-abc123", "999900001111")
        .account("999900001111", AccountState.ACTIVE, FakeOrganizations.ROOT)
        .unit("ou-ab12-00000001")
        .unit("ou-ab12-00000002", "ou-ab12-00000001")
        .unit("ou-ab12-00000003", "ou-ab12-00000002")
        .accounts(45, "ou-ab12-00000001")
        .accounts(3, "ou-ab12-00000003")
        .account("100000000998", AccountState.SUSPENDED, "ou-ab12-00000002");

    var accounts = new OrgAccounts().get(aws.organizations(), parallel);

    assertThat(accounts).hasSize(1 + 45 + 3 + 1).doesNotHaveDuplicates();
    assertThat(accounts).extracting(OrgAccount::id).isSorted();
    assertThat(accounts)
        .filteredOn(a -> !a.active())
        .extracting(OrgAccount::id)
        .containsExactly("100000000998");
    // One ListRoots; per parent (root + 3 OUs) one page of child OUs and its pages of accounts:
    // 45 accounts are 3 pages, every other parent 1; no ListAccounts of the whole organization.
    assertThat(aws.log().matching(c -> c.endsWith("organizations:ListRoots"))).hasSize(1);
    assertThat(aws.log().matching(c -> c.endsWith("ListOrganizationalUnitsForParent"))).hasSize(4);
    assertThat(aws.log().matching(c -> c.endsWith("ListAccountsForParent"))).hasSize(3 + 1 + 1 + 1);
    assertThat(aws.log().matching(c -> c.endsWith("organizations:ListAccounts"))).isEmpty();
  }

  @Test
  void theOusOfOneLevelAreListedAtOnceNotOneAfterAnother() {
    FakeOrganizations org = aws.organizationsFake().organization("o-abc123", "999900001111");
    for (int i = 0; i < 6; i++) {
      org.unit("ou-ab12-0000000" + i).accounts(20, "ou-ab12-0000000" + i);
    }
    aws.log().latency(100);

    long start = System.nanoTime();
    var accounts = new OrgAccounts().get(aws.organizations(), parallel);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(accounts).hasSize(120);
    // 1 + 6 + 6 x 2 = 19 calls; in sequence that is 1.9 s, walked in parallel three levels:
    // ListRoots, the root's OUs, then every OU's accounts and children side by side.
    assertThat(aws.log().calls()).hasSize(1 + 2 + 6 * 2);
    assertThat(millis).isLessThan(1_000);
  }

  @Test
  void aFailedListIsTheWalksFailureAndIsNotAskedForAgain() {
    aws.organizationsFake()
        .organization("o-abc123", "999900001111")
        .accounts(2, "ou-ab12-00000001");
    aws.log()
        .fail(
            "global",
            "organizations:ListAccountsForParent",
            AwsCallException.Kind.ACCESS_DENIED,
            "not authorized to perform organizations:ListAccountsForParent");
    OrgAccounts shared = new OrgAccounts();

    assertThatThrownBy(() -> shared.get(aws.organizations(), parallel))
        .hasMessageContaining("ListAccountsForParent");
    int calls = aws.log().calls().size();
    assertThatThrownBy(() -> shared.get(aws.organizations(), parallel))
        .hasMessageContaining("ListAccountsForParent");
    assertThat(aws.log().calls()).hasSize(calls);
  }
}
