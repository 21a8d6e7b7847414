package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.aws.AwsPortsFactory;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogSources;
import dev.irctl.engine.org.MemberRulesTemplate;
import dev.irctl.engine.org.OperationWait;
import dev.irctl.engine.org.OrgChange;
import dev.irctl.engine.org.StackSetPart;
import dev.irctl.engine.org.StackSetRemovePart;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.Session;
import dev.irctl.engine.port.StackSetsPort.OperationPreferences;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.run.Mode;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.engine.run.Progress;
import dev.irctl.engine.run.RunResult;
import dev.irctl.engine.run.Runner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceSummary;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * The member stack sets against moto 5.2.1's CloudFormation, which serves CreateStackSet,
 * CreateStackInstances, ListStackInstances, DescribeStackSet(Operation),
 * ListStackSetOperationResults, UpdateStackSet, DeleteStackInstances and DeleteStackSet.
 *
 * <p>The real CLI cannot reach them on moto (asserted below, and kept on the WireMock and fake
 * tiers): org apply, org remove and org status run as GuardDuty's delegated administrator, and moto
 * shows a member account neither the delegated administrators nor the OU tree, does not know
 * StackSets' service principal (no StackSets delegated administrator), serves no
 * DescribeOrganizationsAccess, no GuardDuty members and no organization configuration. So irctl's
 * own stack set parts and the production adapters run here in-process, through the counting proxy,
 * with the administrator's identity. moto keeps the organization in the management account and
 * ignores {@code CallAs}, so the calls go out with the management account's keys (moto expands an
 * OU from the caller's own organization).
 *
 * <p>Known moto differences, each asserted as such (AWS's behaviour is on the WireMock tier): it
 * ignores DeploymentTargets' AccountFilterType (the DIFFERENCE that leaves the administrator out),
 * the StackInstanceRegion filter of ListStackInstances, AutoDeployment and ManagedExecution; its
 * instance summaries carry no OrganizationalUnitId and its stack set no OrganizationalUnitIds; its
 * operation results name only accounts given directly (none for OU targets); and its
 * DeleteStackInstances reads only the self-managed Accounts, so a service-managed delete
 * (DeploymentTargets) deletes nothing and the stack set then stays, not empty.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrgStackSetsEmulatorIT extends EmulatorTier {
  static final String HUB = "eu-west-1";
  static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");
  static final String STACKSETS = "member.org.stacksets.cloudformation.amazonaws.com";

  String workloads;
  String admin;
  final List<String> members = new ArrayList<>();
  Ports ports;
  final List<String> progress = new ArrayList<>();

  /**
   * Management account (moto's default) makes the organization, the OU Workloads with two member
   * accounts and the security account in it, GuardDuty's delegated administrator.
   */
  @BeforeAll
  void organization() {
    OrganizationsClient org = emulator.organizations();
    org.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    String root = org.listRoots().roots().get(0).id();
    workloads =
        org.createOrganizationalUnit(r -> r.parentId(root).name("Workloads"))
            .organizationalUnit()
            .id();
    admin = account(org, root, "security");
    members.add(account(org, root, "app-1"));
    members.add(account(org, root, "app-2"));
    org.registerDelegatedAdministrator(
        r -> r.accountId(admin).servicePrincipal("guardduty.amazonaws.com"));
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    ports =
        new AwsPortsFactory().open(new Session(Optional.empty(), Optional.of(proxy.endpoint()), 4));
  }

  private String account(OrganizationsClient org, String root, String name) {
    String request =
        org.createAccount(r -> r.accountName(name).email(name + "@example.com"))
            .createAccountStatus()
            .id();
    String id =
        org.describeCreateAccountStatus(r -> r.createAccountRequestId(request))
            .createAccountStatus()
            .accountId();
    org.moveAccount(r -> r.accountId(id).sourceParentId(root).destinationParentId(workloads));
    return id;
  }

  private StackSetPart part() {
    Catalog catalog = Catalog.load(CatalogSources.bundledOnly());
    var rules =
        CatalogRules.desired(
            catalog,
            new CatalogRules.Selection(List.of(), List.of(HONEY_BUCKET), List.of()),
            Map.of());
    return new StackSetPart(
        new StackSetPart.Desired(
            MemberRulesTemplate.body(MemberRulesTemplate.rules(rules, catalog.version())),
            MemberRulesTemplate.body(MemberRulesTemplate.role()),
            List.of(workloads),
            HUB,
            OperationPreferences.defaults()),
        new OperationWait(Duration.ZERO, Duration.ofMinutes(1), d -> {}),
        progress::add);
  }

  /** The part through the real Runner, as org apply runs it, as the delegated administrator. */
  private PartResult run(Part part, Mode mode) {
    proxy.reset();
    RunResult result =
        new Runner(ports, 4, Progress.NONE)
            .run(
                new Identity(admin, "aws", "arn:aws:sts::" + admin + ":assumed-role/irctl/e"),
                new RegionSelection(REGIONS, List.of(), Map.of(), List.of()),
                List.of(part),
                mode,
                List.of());
    return result.results().stream()
        .filter(r -> r.part().equals(part.name()))
        .findFirst()
        .orElseThrow();
  }

  private CloudFormationClient cfn() {
    return emulator.cloudFormation(HUB);
  }

  private Set<String> where(String stackSet) {
    return cfn().listStackInstances(r -> r.stackSetName(stackSet)).summaries().stream()
        .map(i -> i.account() + " " + i.region())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> sent() {
    return proxy.calls().stream()
        .filter(c -> c.write() && !c.throttled())
        .map(AwsProxy.Call::operation)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @Order(1)
  void gapsTheRealOrgCommandsStopAtTheirPreflightAsTheAdministratorWithNothingWritten()
      throws Exception {
    var keys = (AwsSessionCredentials) emulator.memberCredentials(admin).resolveCredentials();
    Map<String, String> asAdmin =
        Map.of(
            "AWS_ACCESS_KEY_ID", keys.accessKeyId(),
            "AWS_SECRET_ACCESS_KEY", keys.secretAccessKey(),
            "AWS_SESSION_TOKEN", keys.sessionToken());
    // Gap: moto does not know StackSets' service principal, so the administrator cannot be
    // registered for StackSets (org apply's pre-flight checks it).
    assertThatThrownBy(
            () ->
                emulator
                    .organizations()
                    .registerDelegatedAdministrator(
                        r -> r.accountId(admin).servicePrincipal(STACKSETS)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unrecognized service principal");
    String regions = String.join(",", REGIONS);
    for (List<String> command :
        List.of(
            List.of(
                "org",
                "apply",
                "--ou",
                workloads,
                "--region",
                regions,
                "--hub-region",
                HUB,
                "--auto-approve"),
            List.of("org", "remove", "--region", regions, "--hub-region", HUB, "--auto-approve"),
            List.of("org", "status", "--region", regions, "--hub-region", HUB))) {
      proxy.reset();
      Irctl.Result result = irctl.run(proxy.endpoint(), asAdmin, command);

      // moto's ListDelegatedAdministrators from a member account is empty, so irctl (rightly,
      // for what it sees) names no administrator and stops before any write.
      assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
      assertThat(result.err()).as("%s", result).containsIgnoringCase("delegated administrator");
      assertThat(sent()).as("%s", result).isEmpty();
    }
  }

  @Test
  @Order(2)
  void applyCreatesBothServiceManagedStackSetsAndTheirInstancesInTheOusAccounts() {
    PartResult apply = run(part(), Mode.APPLY);

    assertThat(apply.error()).as("%s", apply).isEmpty();
    assertThat(sent()).containsExactly("CreateStackInstances", "CreateStackSet");
    var rules =
        cfn().describeStackSet(r -> r.stackSetName(MemberRulesTemplate.RULES_STACK_SET)).stackSet();
    assertThat(rules.permissionModelAsString()).isEqualTo("SERVICE_MANAGED");
    assertThat(rules.parameters())
        .anyMatch(
            p ->
                p.parameterKey().equals(MemberRulesTemplate.PARAM_ACCOUNT)
                    && p.parameterValue().equals(admin));
    assertThat(rules.tags())
        .anyMatch(t -> t.key().equals("managed-by") && t.value().equals("irctl"));
    // The role once per account in the hub region, the rules in every region; the members get
    // theirs. Difference: moto ignores AccountFilterType DIFFERENCE, so the administrator, which
    // AWS leaves out, gets instances too.
    Set<String> expectedRules = new TreeSet<>();
    for (String account : List.of(admin, members.get(0), members.get(1))) {
      REGIONS.forEach(r -> expectedRules.add(account + " " + r));
    }
    assertThat(where(MemberRulesTemplate.RULES_STACK_SET)).isEqualTo(expectedRules);
    assertThat(where(MemberRulesTemplate.ROLE_STACK_SET))
        .containsExactlyInAnyOrder(
            admin + " " + HUB, members.get(0) + " " + HUB, members.get(1) + " " + HUB);
    // Difference: moto's operation results name only accounts given directly, none for OUs.
    assertThat(progress).anyMatch(l -> l.contains("0 account-region(s) done, 0 failed"));
    // moto deploys the templates for real: the member has the role and the forwarder rules.
    var member = emulator.memberCredentials(members.get(0));
    try (IamClient iam =
            IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(member)
                .build();
        EventBridgeClient events =
            EventBridgeClient.builder()
                .region(Region.of(HUB))
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(member)
                .build()) {
      assertThat(iam.getRole(r -> r.roleName(MemberRulesTemplate.ROLE_NAME)).role().roleName())
          .isEqualTo(MemberRulesTemplate.ROLE_NAME);
      assertThat(events.listRules(r -> r.namePrefix("irctl-forward-")).rules()).isNotEmpty();
    }
  }

  @Test
  @Order(3)
  void knownDifferencesMotoDropsAutoDeploymentTheOusAndTheRegionFilter() {
    var rules =
        cfn().describeStackSet(r -> r.stackSetName(MemberRulesTemplate.RULES_STACK_SET)).stackSet();
    assertThat(rules.autoDeployment()).isNull();
    assertThat(rules.managedExecution().active()).isFalse();
    assertThat(rules.organizationalUnitIds()).isEmpty();
    List<StackInstanceSummary> inHub =
        cfn()
            .listStackInstances(
                r -> r.stackSetName(MemberRulesTemplate.RULES_STACK_SET).stackInstanceRegion(HUB))
            .summaries();
    assertThat(inHub).extracting(StackInstanceSummary::region).contains("us-east-1");
    assertThat(inHub).extracting(StackInstanceSummary::organizationalUnitId).containsOnlyNulls();
  }

  @Test
  @Order(4)
  void theNextPlanOnMotoIsNotEmptyForThoseDifferencesAndPlansDeletingTheAdministratorsInstances() {
    PartResult plan = run(part(), Mode.PLAN);

    assertThat(plan.error()).as("%s", plan).isEmpty();
    assertThat(sent()).isEmpty();
    // On AWS a second plan is empty (OrgApplyRunTest on the fakes, StackSetsAdapterWireTest for
    // the wire). On moto: the administrator's instances (the ignored DIFFERENCE) are planned for
    // deletion; AutoDeployment reads back off, so an update; no OU is known, so a create again.
    assertThat(plan.changes())
        .anySatisfy(
            c ->
                assertThat(c)
                    .isInstanceOfSatisfying(
                        OrgChange.DeleteExcludedInstances.class,
                        d -> {
                          assertThat(d.stackSet()).isEqualTo(MemberRulesTemplate.RULES_STACK_SET);
                          assertThat(d.accounts()).containsExactly(admin);
                        }))
        .anySatisfy(c -> assertThat(c).isInstanceOf(OrgChange.UpdateStackSet.class))
        .anySatisfy(c -> assertThat(c).isInstanceOf(OrgChange.CreateStackInstances.class));
    assertThat(plan.notes().warnings())
        .anyMatch(w -> w.contains(MemberRulesTemplate.ROLE_STACK_SET + " has an instance"));

    PartResult apply = run(part(), Mode.APPLY);

    // The delete goes out (its INTERSECTION form is checked on the WireMock tier), and moto,
    // reading only the self-managed Accounts, keeps the administrator's instances. The repeated
    // create deploys the role template again, and moto, which really made the role in each
    // account, refuses it: one failure named, the other changes still made.
    assertThat(apply.status()).isEqualTo(PartStatus.FAILED);
    assertThat(apply.error().orElseThrow().message())
        .contains(MemberRulesTemplate.ROLE_STACK_SET)
        .contains("EntityAlreadyExists");
    assertThat(sent()).contains("DeleteStackInstances", "UpdateStackSet");
    assertThat(where(MemberRulesTemplate.RULES_STACK_SET)).contains(admin + " " + HUB);
  }

  @Test
  @Order(5)
  void differenceMotosDeleteStackInstancesIgnoresDeploymentTargetsSoRemoveLeavesTheSetNotEmpty() {
    Set<String> before = where(MemberRulesTemplate.RULES_STACK_SET);

    PartResult remove =
        run(
            new StackSetRemovePart(
                HUB,
                OperationPreferences.defaults(),
                new OperationWait(Duration.ZERO, Duration.ofMinutes(1), d -> {}),
                progress::add),
            Mode.APPLY);

    // irctl sends the service-managed form (DeploymentTargets); moto deletes only the
    // self-managed top-level Accounts, so nothing goes and DeleteStackSet is refused.
    assertThat(proxy.calls())
        .filteredOn(c -> c.operation().equals("DeleteStackInstances"))
        .isNotEmpty();
    assertThat(where(MemberRulesTemplate.RULES_STACK_SET)).isEqualTo(before);
    assertThat(remove.status()).isEqualTo(PartStatus.FAILED);
    assertThat(String.join("\n", remove.error().map(Object::toString).orElse("")))
        .contains("StackSetNotEmpty");
  }
}
