package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.OrganizationsPort;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnitNotFoundException;

/** {@link OrganizationsPort} over the SDK's Organizations client (global endpoint). */
final class OrganizationsAdapter implements OrganizationsPort {
  /** The IAM actions this adapter calls; the wire tests check against this list. */
  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("organizations:DescribeOrganization"),
          AwsAction.read("organizations:ListAccountsForParent"),
          AwsAction.read("organizations:ListOrganizationalUnitsForParent"),
          AwsAction.read("organizations:ListRoots"),
          AwsAction.read("organizations:DescribeOrganizationalUnit"),
          AwsAction.read("organizations:ListAWSServiceAccessForOrganization"),
          AwsAction.read("organizations:ListDelegatedAdministrators"),
          // Trusted access is switched on for the two services irctl drives, nothing else.
          AwsAction.write("organizations:EnableAWSServiceAccess")
              .scopedTo(OrgScopes.SERVICE_ACCESS));

  private final OrganizationsClient client;

  OrganizationsAdapter(OrganizationsClient client) {
    this.client = client;
  }

  @Override
  public Optional<Organization> describeOrganization() {
    return AwsCalls.absentIf(
            AwsCalls.causedBy(AwsOrganizationsNotInUseException.class),
            () ->
                AwsCalls.call(
                        "organizations:DescribeOrganization", () -> client.describeOrganization())
                    .organization())
        .map(
            organization ->
                new Organization(
                    organization.id(),
                    organization.masterAccountId(),
                    organization.featureSet() == OrganizationFeatureSet.ALL));
  }

  @Override
  public List<OrgAccount> listAccountsForParent(String parentId) {
    return AwsCalls.call(
        "organizations:ListAccountsForParent",
        () ->
            client.listAccountsForParentPaginator(b -> b.parentId(parentId)).stream()
                .flatMap(page -> page.accounts().stream())
                .map(OrganizationsAdapter::account)
                .toList());
  }

  @Override
  public List<String> listOrganizationalUnits(String parentId) {
    return AwsCalls.call(
        "organizations:ListOrganizationalUnitsForParent",
        () ->
            client.listOrganizationalUnitsForParentPaginator(b -> b.parentId(parentId)).stream()
                .flatMap(page -> page.organizationalUnits().stream())
                .map(ou -> ou.id())
                .toList());
  }

  private static OrgAccount account(Account account) {
    return new OrgAccount(account.id(), account.name(), account.email(), state(account));
  }

  /** {@code State} where AWS sends it; the older {@code Status} otherwise. */
  static AccountState state(Account account) {
    String value = account.stateAsString();
    if (value == null) {
      value = account.statusAsString();
    }
    if (value == null) {
      return AccountState.UNKNOWN;
    }
    try {
      return AccountState.valueOf(value);
    } catch (IllegalArgumentException e) {
      return AccountState.UNKNOWN;
    }
  }

  @Override
  public List<String> listRoots() {
    return AwsCalls.call(
        "organizations:ListRoots",
        () ->
            client.listRootsPaginator(b -> {}).stream()
                .flatMap(page -> page.roots().stream())
                .map(r -> r.id())
                .toList());
  }

  @Override
  public boolean organizationalUnitExists(String organizationalUnitId) {
    return AwsCalls.absentIf(
            AwsCalls.causedBy(OrganizationalUnitNotFoundException.class),
            () ->
                AwsCalls.call(
                    "organizations:DescribeOrganizationalUnit",
                    () ->
                        client.describeOrganizationalUnit(
                            b -> b.organizationalUnitId(organizationalUnitId))))
        .isPresent();
  }

  @Override
  public Set<String> servicesWithAccess() {
    Set<String> principals = new LinkedHashSet<>();
    AwsCalls.run(
        "organizations:ListAWSServiceAccessForOrganization",
        () ->
            client.listAWSServiceAccessForOrganizationPaginator(b -> {}).stream()
                .flatMap(page -> page.enabledServicePrincipals().stream())
                .forEach(p -> principals.add(p.servicePrincipal())));
    return principals;
  }

  @Override
  public void enableServiceAccess(String servicePrincipal) {
    AwsCalls.run(
        "organizations:EnableAWSServiceAccess",
        () -> client.enableAWSServiceAccess(b -> b.servicePrincipal(servicePrincipal)));
  }

  @Override
  public List<String> delegatedAdministrators(String servicePrincipal) {
    return AwsCalls.call(
        "organizations:ListDelegatedAdministrators",
        () ->
            client
                .listDelegatedAdministratorsPaginator(b -> b.servicePrincipal(servicePrincipal))
                .stream()
                .flatMap(page -> page.delegatedAdministrators().stream())
                .map(a -> a.id())
                .toList());
  }
}
