package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.permissions.IrctlScopes;
import dev.irctl.engine.port.GuardDutyOrgPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.AccountDetail;
import software.amazon.awssdk.services.guardduty.model.DescribeOrganizationConfigurationResponse;
import software.amazon.awssdk.services.guardduty.model.OrganizationFeatureConfiguration;
import software.amazon.awssdk.services.guardduty.model.UnprocessedAccount;

/** {@link GuardDutyOrgPort} over the SDK's GuardDuty client for one region. */
final class GuardDutyOrgAdapter implements GuardDutyOrgPort {
  /** The IAM actions this adapter calls; the wire tests check against this list. */
  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("guardduty:ListOrganizationAdminAccounts"),
          AwsAction.write("guardduty:EnableOrganizationAdminAccount"),
          AwsAction.write("guardduty:DisableOrganizationAdminAccount"),
          AwsAction.read("guardduty:DescribeOrganizationConfiguration"),
          AwsAction.write("guardduty:UpdateOrganizationConfiguration")
              .scopedTo(IrctlScopes.DETECTORS),
          AwsAction.read("guardduty:ListMembers"),
          AwsAction.read("guardduty:GetMembers"),
          AwsAction.write("guardduty:CreateMembers").scopedTo(IrctlScopes.DETECTORS),
          AwsAction.write("guardduty:DisassociateMembers").scopedTo(IrctlScopes.DETECTORS),
          AwsAction.write("guardduty:DeleteMembers").scopedTo(IrctlScopes.DETECTORS));

  /**
   * What EnableOrganizationAdminAccount needs besides itself: GuardDuty enables trusted access and
   * registers the delegated administrator in Organizations on the caller's behalf. Both only for
   * GuardDuty's service principal.
   */
  static final List<AwsAction> ENABLE_ADMIN_DEPENDENCIES =
      List.of(
          AwsAction.write("organizations:EnableAWSServiceAccess")
              .scopedTo(OrgScopes.SERVICE_ACCESS),
          AwsAction.write("organizations:RegisterDelegatedAdministrator")
              .scopedTo(OrgScopes.SERVICE_ACCESS));

  private final GuardDutyClient client;

  GuardDutyOrgAdapter(GuardDutyClient client) {
    this.client = client;
  }

  @Override
  public List<AdminAccount> organizationAdmins() {
    return AwsCalls.list(
        "guardduty:ListOrganizationAdminAccounts",
        () -> client.listOrganizationAdminAccountsPaginator(b -> {}).adminAccounts(),
        a -> new AdminAccount(a.adminAccountId(), a.adminStatusAsString()));
  }

  @Override
  public void enableOrganizationAdmin(String accountId) {
    AwsCalls.run(
        "guardduty:EnableOrganizationAdminAccount",
        () -> client.enableOrganizationAdminAccount(b -> b.adminAccountId(accountId)));
  }

  @Override
  public void disableOrganizationAdmin(String accountId) {
    AwsCalls.run(
        "guardduty:DisableOrganizationAdminAccount",
        () -> client.disableOrganizationAdminAccount(b -> b.adminAccountId(accountId)));
  }

  @Override
  public OrgConfiguration describeOrganizationConfiguration(String detectorId) {
    List<DescribeOrganizationConfigurationResponse> pages =
        AwsCalls.call(
            "guardduty:DescribeOrganizationConfiguration",
            () ->
                client
                    .describeOrganizationConfigurationPaginator(b -> b.detectorId(detectorId))
                    .stream()
                    .toList());
    // Every page repeats the account-wide fields; the last one's are the newest.
    DescribeOrganizationConfigurationResponse last = pages.get(pages.size() - 1);
    Map<String, AutoEnable> features = new LinkedHashMap<>();
    pages.forEach(
        page ->
            page.features()
                .forEach(f -> features.put(f.nameAsString(), autoEnable(f.autoEnableAsString()))));
    return new OrgConfiguration(
        autoEnable(last.autoEnableOrganizationMembersAsString()),
        features,
        Boolean.TRUE.equals(last.memberAccountLimitReached()));
  }

  private static AutoEnable autoEnable(String value) {
    if (value == null) {
      return AutoEnable.NONE;
    }
    try {
      return AutoEnable.valueOf(value);
    } catch (IllegalArgumentException e) {
      return AutoEnable.NONE;
    }
  }

  @Override
  public void updateOrganizationConfiguration(
      String detectorId, AutoEnable members, Map<String, AutoEnable> features) {
    List<OrganizationFeatureConfiguration> configurations = new ArrayList<>();
    features.forEach(
        (name, auto) ->
            configurations.add(
                OrganizationFeatureConfiguration.builder()
                    .name(name)
                    .autoEnable(auto.name())
                    .build()));
    AwsCalls.run(
        "guardduty:UpdateOrganizationConfiguration",
        () ->
            client.updateOrganizationConfiguration(
                b -> {
                  b.detectorId(detectorId).autoEnableOrganizationMembers(members.name());
                  if (!configurations.isEmpty()) {
                    b.features(configurations);
                  }
                }));
  }

  @Override
  public List<Member> listMembers(String detectorId) {
    return AwsCalls.list(
        "guardduty:ListMembers",
        () ->
            client
                .listMembersPaginator(b -> b.detectorId(detectorId).onlyAssociated("false"))
                .members(),
        m -> new Member(m.accountId(), m.relationshipStatus(), m.administratorId()));
  }

  /** One call; the accounts GuardDuty reports unprocessed are not members. */
  @Override
  public List<Member> getMembers(String detectorId, List<String> accountIds) {
    if (accountIds.size() > MAX_ACCOUNTS_PER_CALL) {
      throw new IllegalArgumentException(
          accountIds.size() + " accounts: GetMembers takes at most " + MAX_ACCOUNTS_PER_CALL);
    }
    return AwsCalls.call(
            "guardduty:GetMembers",
            () -> client.getMembers(b -> b.detectorId(detectorId).accountIds(accountIds)))
        .members()
        .stream()
        .map(m -> new Member(m.accountId(), m.relationshipStatus(), m.administratorId()))
        .toList();
  }

  @Override
  public List<Unprocessed> createMembers(String detectorId, List<MemberAccount> accounts) {
    return batched(
        "guardduty:CreateMembers",
        accounts,
        batch ->
            client
                .createMembers(b -> b.detectorId(detectorId).accountDetails(details(batch)))
                .unprocessedAccounts());
  }

  private static List<AccountDetail> details(List<MemberAccount> accounts) {
    return accounts.stream()
        .map(a -> AccountDetail.builder().accountId(a.accountId()).email(a.email()).build())
        .toList();
  }

  @Override
  public List<Unprocessed> disassociateMembers(String detectorId, List<String> accountIds) {
    return batched(
        "guardduty:DisassociateMembers",
        accountIds,
        batch ->
            client
                .disassociateMembers(b -> b.detectorId(detectorId).accountIds(batch))
                .unprocessedAccounts());
  }

  @Override
  public List<Unprocessed> deleteMembers(String detectorId, List<String> accountIds) {
    return batched(
        "guardduty:DeleteMembers",
        accountIds,
        batch ->
            client
                .deleteMembers(b -> b.detectorId(detectorId).accountIds(batch))
                .unprocessedAccounts());
  }

  /** One call per {@link #MAX_ACCOUNTS_PER_CALL} accounts; the unprocessed of every call. */
  private static <T> List<Unprocessed> batched(
      String action, List<T> items, Function<List<T>, List<UnprocessedAccount>> call) {
    List<Unprocessed> unprocessed = new ArrayList<>();
    for (int from = 0; from < items.size(); from += MAX_ACCOUNTS_PER_CALL) {
      List<T> batch = items.subList(from, Math.min(items.size(), from + MAX_ACCOUNTS_PER_CALL));
      AwsCalls.call(action, () -> call.apply(batch))
          .forEach(u -> unprocessed.add(new Unprocessed(u.accountId(), u.result())));
    }
    return unprocessed;
  }
}
