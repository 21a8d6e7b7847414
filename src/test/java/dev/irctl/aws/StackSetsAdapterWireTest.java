package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import dev.irctl.engine.org.OperationWait;
import dev.irctl.engine.port.StackSetsPort;
import dev.irctl.engine.port.StackSetsPort.Amount;
import dev.irctl.engine.port.StackSetsPort.CallAs;
import dev.irctl.engine.port.StackSetsPort.OperationPreferences;
import dev.irctl.engine.port.StackSetsPort.StackSetSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StackSetsAdapterWireTest {
  private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
  private final WireMockAws aws = new WireMockAws();
  private final StackSetsPort stackSets =
      aws.ports().stackSets("eu-west-1", CallAs.DELEGATED_ADMIN);

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(StackSetsAdapter.ACTIONS);
  }

  private static String response(String action, String result) {
    return "<"
        + action
        + "Response xmlns=\""
        + NS
        + "\"><"
        + action
        + "Result>"
        + result
        + "</"
        + action
        + "Result><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></"
        + action
        + "Response>";
  }

  private void stub(String action, String result) {
    stub(action, ok(action, result));
  }

  /** Answers action with response, for requests whose form body also matches every pattern. */
  private void stub(
      String action, ResponseDefinitionBuilder response, StringValuePattern... bodies) {
    MappingBuilder request =
        post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    for (StringValuePattern body : bodies) {
      request = request.withRequestBody(body);
    }
    aws.server().stubFor(request.willReturn(response));
  }

  private static ResponseDefinitionBuilder ok(String action, String result) {
    return aResponse().withBody(response(action, result));
  }

  /** A CloudFormation Query error response (sender fault). */
  private static ResponseDefinitionBuilder error(int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withBody(
            "<ErrorResponse xmlns=\""
                + NS
                + "\"><Error><Type>Sender</Type><Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message></Error><RequestId>r</RequestId></ErrorResponse>");
  }

  /** The form body of the n-th request sent (0 = first), decoded into its parameters. */
  private Map<String, String> form(int index) {
    var events = aws.server().getAllServeEvents(); // newest first
    return IamXml.form(events.get(events.size() - 1 - index).getRequest().getBodyAsString());
  }

  @Test
  void createStackSetIsServiceManagedWithAutoDeploymentNamedIamAndTags() {
    stub("CreateStackSet", "<StackSetId>irctl-member-rules:1</StackSetId>");

    stackSets.createStackSet(
        new StackSetSpec(
            "irctl-member-rules",
            "irctl rules in member accounts",
            "{\"Resources\":{}}",
            Map.of("HubRegion", "eu-west-1"),
            Map.of("managed-by", "irctl"),
            true,
            false));

    Map<String, String> form = form(0);
    assertThat(form)
        .containsEntry("Action", "CreateStackSet")
        .containsEntry("StackSetName", "irctl-member-rules")
        .containsEntry("PermissionModel", "SERVICE_MANAGED")
        .containsEntry("AutoDeployment.Enabled", "true")
        .containsEntry("AutoDeployment.RetainStacksOnAccountRemoval", "false")
        .containsEntry("Capabilities.member.1", "CAPABILITY_NAMED_IAM")
        .containsEntry("CallAs", "DELEGATED_ADMIN")
        .containsEntry("TemplateBody", "{\"Resources\":{}}")
        .containsEntry("Parameters.member.1.ParameterKey", "HubRegion")
        .containsEntry("Parameters.member.1.ParameterValue", "eu-west-1")
        .containsEntry("Tags.member.1.Key", "managed-by")
        .containsEntry("Tags.member.1.Value", "irctl");
    assertThat(form).doesNotContainKeys("AdministrationRoleARN", "ExecutionRoleName");
  }

  @Test
  void createStackInstancesSendsOusRegionsAndOperationPreferences() {
    stub("CreateStackInstances", "<OperationId>op-1</OperationId>");

    String id =
        stackSets.createStackInstances(
            "irctl-member-rules",
            List.of("ou-ab12-34567890"),
            List.of(),
            List.of("eu-west-1", "us-east-1"),
            new OperationPreferences(true, Amount.percent(10), Amount.count(20), true));

    assertThat(id).isEqualTo("op-1");
    assertThat(form(0))
        .containsEntry("DeploymentTargets.OrganizationalUnitIds.member.1", "ou-ab12-34567890")
        .doesNotContainKeys(
            "DeploymentTargets.AccountFilterType", "DeploymentTargets.Accounts.member.1")
        .containsEntry("Regions.member.1", "eu-west-1")
        .containsEntry("Regions.member.2", "us-east-1")
        .containsEntry("OperationPreferences.RegionConcurrencyType", "PARALLEL")
        .containsEntry("OperationPreferences.FailureTolerancePercentage", "10")
        .containsEntry("OperationPreferences.MaxConcurrentCount", "20")
        .containsEntry("OperationPreferences.ConcurrencyMode", "SOFT_FAILURE_TOLERANCE")
        .doesNotContainKeys(
            "OperationPreferences.FailureToleranceCount",
            "OperationPreferences.MaxConcurrentPercentage");
  }

  @Test
  void excludedAccountsAreSentAsAccountFilterTypeDifferenceWithTheOus() {
    stub("CreateStackInstances", "<OperationId>op-1</OperationId>");

    stackSets.createStackInstances(
        "irctl-member-rules",
        List.of("ou-ab12-34567890", "ou-ab12-99999999"),
        List.of("222233334444"),
        List.of("eu-west-1"),
        OperationPreferences.defaults());

    assertThat(form(0))
        .containsEntry("DeploymentTargets.OrganizationalUnitIds.member.1", "ou-ab12-34567890")
        .containsEntry("DeploymentTargets.OrganizationalUnitIds.member.2", "ou-ab12-99999999")
        .containsEntry("DeploymentTargets.AccountFilterType", "DIFFERENCE")
        .containsEntry("DeploymentTargets.Accounts.member.1", "222233334444")
        .doesNotContainKeys("DeploymentTargets.Accounts.member.2");
  }

  @Test
  void theLeftOutAccountsInstancesAreDeletedWithIntersectionSoTheOusOtherAccountsKeepTheirs() {
    stub("DeleteStackInstances", "<OperationId>op-x</OperationId>");

    String op =
        stackSets.deleteAccountInstances(
            "irctl-member-rules",
            List.of("ou-ab12-34567890"),
            List.of("222233334444"),
            List.of("eu-west-1", "us-east-1"),
            OperationPreferences.defaults());

    assertThat(op).isEqualTo("op-x");
    // Service-managed: DeploymentTargets, never the self-managed top-level Accounts (AWS takes
    // one or the other); INTERSECTION = only the listed accounts that belong to the OUs.
    assertThat(form(0))
        .containsEntry("StackSetName", "irctl-member-rules")
        .containsEntry("DeploymentTargets.OrganizationalUnitIds.member.1", "ou-ab12-34567890")
        .containsEntry("DeploymentTargets.AccountFilterType", "INTERSECTION")
        .containsEntry("DeploymentTargets.Accounts.member.1", "222233334444")
        .containsEntry("Regions.member.1", "eu-west-1")
        .containsEntry("Regions.member.2", "us-east-1")
        .containsEntry("RetainStacks", "false")
        .containsEntry("CallAs", "DELEGATED_ADMIN")
        .doesNotContainKeys("Accounts.member.1", "DeploymentTargets.Accounts.member.2");
  }

  @Test
  void aRepeatedCreateStackInstancesCarriesANewOperationIdSoAwsRetriesOutdatedInstances() {
    // AWS: "Repeating this StackSet operation with a new operation ID retries all stack instances
    // whose status is OUTDATED" (CreateStackInstances, OperationId). A fixed id would make the
    // retry a no-op, so each call must carry a fresh one.
    stub("CreateStackInstances", "<OperationId>op-1</OperationId>");
    for (int i = 0; i < 2; i++) {
      stackSets.createStackInstances(
          "irctl-member-rules",
          List.of("ou-ab12-34567890"),
          List.of(),
          List.of("eu-west-1"),
          OperationPreferences.defaults());
    }

    String first = form(0).get("OperationId");
    String second = form(1).get("OperationId");
    assertThat(first).isNotBlank();
    assertThat(second).isNotBlank().isNotEqualTo(first);
  }

  @Test
  void describeStackSetOperationIsPolledUntilDoneThenResultsGiveFailureReasons() {
    aws.server()
        .stubFor(
            post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeStackSetOperation&"))
                .inScenario("poll")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    ok(
                        "DescribeStackSetOperation",
                        "<StackSetOperation><OperationId>op-1</OperationId>"
                            + "<Action>CREATE</Action><Status>RUNNING</Status></StackSetOperation>"))
                .willSetStateTo("done"));
    aws.server()
        .stubFor(
            post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeStackSetOperation&"))
                .inScenario("poll")
                .whenScenarioStateIs("done")
                .willReturn(
                    ok(
                        "DescribeStackSetOperation",
                        "<StackSetOperation><OperationId>op-1</OperationId><Action>CREATE</Action>"
                            + "<Status>FAILED</Status><StatusDetails><FailedStackInstancesCount>1"
                            + "</FailedStackInstancesCount></StatusDetails></StackSetOperation>")));
    stub(
        "ListStackSetOperationResults",
        "<Summaries><member><Account>100000000001</Account><Region>eu-west-1</Region>"
            + "<Status>SUCCEEDED</Status></member><member><Account>100000000002</Account>"
            + "<Region>eu-west-1</Region><Status>FAILED</Status><StatusReason>Role irctl-event-forwarder"
            + " already exists</StatusReason></member></Summaries>");
    List<Duration> sleeps = new ArrayList<>();
    List<String> seen = new ArrayList<>();

    OperationWait.Outcome outcome =
        new OperationWait(Duration.ofSeconds(10), Duration.ofMinutes(5), sleeps::add)
            .await(stackSets, "irctl-member-rules", "op-1", op -> seen.add(op.status()));

    assertThat(seen).containsExactly("RUNNING", "FAILED");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10));
    assertThat(outcome.operation().failedCount()).isEqualTo(1);
    assertThat(outcome.succeeded()).isEqualTo(1);
    assertThat(outcome.failed())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.account()).isEqualTo("100000000002");
              assertThat(r.statusReason()).contains("already exists");
            });
    assertThat(form(0)).containsEntry("OperationId", "op-1");
  }

  @Test
  void listStackInstancesReadsEveryPage() {
    stub(
        "ListStackInstances",
        ok(
            "ListStackInstances",
            "<Summaries><member><Account>100000000001</Account><Region>eu-west-1</Region>"
                + "<OrganizationalUnitId>ou-ab12-34567890</OrganizationalUnitId>"
                + "<Status>CURRENT</Status><StackInstanceStatus><DetailedStatus>SUCCEEDED"
                + "</DetailedStatus></StackInstanceStatus><DriftStatus>IN_SYNC</DriftStatus>"
                + "</member></Summaries><NextToken>p2</NextToken>"),
        notContaining("NextToken"));
    stub(
        "ListStackInstances",
        ok(
            "ListStackInstances",
            "<Summaries><member><Account>100000000002</Account><Region>eu-west-1</Region>"
                + "<Status>OUTDATED</Status><StatusReason>Account suspended</StatusReason>"
                + "</member></Summaries>"),
        containing("NextToken=p2"));

    List<StackSetsPort.StackInstance> instances =
        stackSets.listStackInstances("irctl-member-rules");

    assertThat(instances).hasSize(2);
    assertThat(instances.get(0).detailedStatus()).isEqualTo("SUCCEEDED");
    assertThat(instances.get(0).driftStatus()).isEqualTo("IN_SYNC");
    assertThat(instances.get(1).status()).isEqualTo("OUTDATED");
    assertThat(instances.get(1).statusReason()).isEqualTo("Account suspended");
  }

  @Test
  void stackInstancesInOneRegionAreFilteredByRegionAndAMissingStackSetIsEmpty() {
    stub(
        "ListStackInstances",
        ok(
            "ListStackInstances",
            "<Summaries><member><Account>100000000001</Account><Region>eu-west-1</Region>"
                + "<Status>CURRENT</Status><DriftStatus>DRIFTED</DriftStatus>"
                + "</member></Summaries>"),
        containing("StackSetName=irctl-member-rules"),
        containing("StackInstanceRegion=eu-west-1"));
    stub(
        "ListStackInstances",
        error(404, "StackSetNotFoundException", "StackSet irctl-gone not found"),
        containing("StackSetName=irctl-gone"));

    assertThat(stackSets.stackInstancesIn("irctl-member-rules", "eu-west-1").orElseThrow())
        .singleElement()
        .satisfies(i -> assertThat(i.driftStatus()).isEqualTo("DRIFTED"));
    assertThat(stackSets.stackInstancesIn("irctl-gone", "eu-west-1")).isEmpty();
  }

  @Test
  void aMissingStackSetIsAbsentAndAnExistingOneIsRead() {
    stub(
        "DescribeStackSet",
        error(404, "StackSetNotFoundException", "StackSet irctl-gone not found"),
        containing("StackSetName=irctl-gone"));
    stub(
        "DescribeStackSet",
        ok(
            "DescribeStackSet",
            "<StackSet><StackSetName>irctl-member-rules</StackSetName>"
                + "<StackSetId>irctl-member-rules:1</StackSetId><Status>ACTIVE</Status>"
                + "<TemplateBody>{}</TemplateBody><Parameters><member><ParameterKey>HubRegion"
                + "</ParameterKey><ParameterValue>eu-west-1</ParameterValue></member></Parameters>"
                + "<Tags><member><Key>managed-by</Key><Value>irctl</Value></member></Tags>"
                + "<PermissionModel>SERVICE_MANAGED</PermissionModel><AutoDeployment>"
                + "<Enabled>true</Enabled><RetainStacksOnAccountRemoval>false"
                + "</RetainStacksOnAccountRemoval></AutoDeployment><OrganizationalUnitIds>"
                + "<member>ou-ab12-34567890</member></OrganizationalUnitIds></StackSet>"),
        containing("StackSetName=irctl-member-rules"));

    assertThat(stackSets.describeStackSet("irctl-gone")).isEmpty();
    StackSetsPort.StackSet set = stackSets.describeStackSet("irctl-member-rules").orElseThrow();
    assertThat(set.serviceManaged()).isTrue();
    assertThat(set.autoDeployment()).isTrue();
    assertThat(set.parameters()).containsEntry("HubRegion", "eu-west-1");
    assertThat(set.tags()).containsEntry("managed-by", "irctl");
    assertThat(set.organizationalUnitIds()).containsExactly("ou-ab12-34567890");
  }

  @Test
  void throttlingIsRetried() {
    aws.server()
        .stubFor(
            post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs(STARTED)
                .willReturn(error(400, "Throttling", "Rate exceeded"))
                .willSetStateTo("ok"));
    aws.server()
        .stubFor(
            post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs("ok")
                .willReturn(ok("DescribeOrganizationsAccess", "<Status>ENABLED</Status>")));

    assertThat(stackSets.organizationsAccess())
        .isEqualTo(StackSetsPort.OrganizationsAccess.ENABLED);
    aws.server().verify(2, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void updateAndDeleteCarryPreferencesAndNeverRetainStacks() {
    stub("UpdateStackSet", "<OperationId>op-u</OperationId>");
    stub("DeleteStackInstances", "<OperationId>op-d</OperationId>");
    stub("DeleteStackSet", "");
    StackSetSpec spec =
        new StackSetSpec("irctl-member-rules", "d", "{}", Map.of(), Map.of(), true, false);

    assertThat(stackSets.updateStackSet(spec, OperationPreferences.defaults())).isEqualTo("op-u");
    assertThat(
            stackSets.deleteStackInstances(
                "irctl-member-rules",
                List.of("r-ab12"),
                List.of("eu-west-1"),
                OperationPreferences.defaults()))
        .isEqualTo("op-d");
    stackSets.deleteStackSet("irctl-member-rules");

    assertThat(form(0))
        .containsEntry("OperationPreferences.FailureTolerancePercentage", "10")
        .containsEntry("OperationPreferences.MaxConcurrentPercentage", "25")
        .containsEntry("AutoDeployment.Enabled", "true");
    assertThat(form(1)).containsEntry("RetainStacks", "false");
  }
}
