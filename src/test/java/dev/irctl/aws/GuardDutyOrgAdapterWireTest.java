package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.irctl.engine.port.GuardDutyOrgPort;
import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.GuardDutyOrgPort.MemberAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardDutyOrgAdapterWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final WireMockAws aws = new WireMockAws();
  private final GuardDutyOrgPort guardDuty = aws.ports().guardDutyOrg("eu-west-1");

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(GuardDutyOrgAdapter.ACTIONS);
  }

  @Test
  void enableOrganizationAdminAccountSendsTheAccountId() {
    aws.server().stubFor(post(urlEqualTo("/admin/enable")).willReturn(okJson("{}")));

    guardDuty.enableOrganizationAdmin("444455556666");

    aws.server()
        .verify(
            postRequestedFor(urlEqualTo("/admin/enable"))
                .withRequestBody(equalToJson("{\"adminAccountId\":\"444455556666\"}")));
  }

  @Test
  void organizationAdminsAreReadWithTheirStatus() {
    aws.server()
        .stubFor(
            get(urlPathEqualTo("/admin"))
                .willReturn(
                    okJson(
                        "{\"adminAccounts\":[{\"adminAccountId\":\"444455556666\",\"adminStatus\":\"ENABLED\"}]}")));

    assertThat(guardDuty.organizationAdmins())
        .containsExactly(new GuardDutyOrgPort.AdminAccount("444455556666", "ENABLED"));
  }

  @Test
  void updateOrganizationConfigurationSendsMembersAndFeaturesAutoEnableButNeverAutoEnable()
      throws Exception {
    aws.server().stubFor(post(urlEqualTo("/detector/d1/admin")).willReturn(okJson("{}")));
    Map<String, AutoEnable> features = new LinkedHashMap<>();
    features.put("S3_DATA_EVENTS", AutoEnable.ALL);
    features.put("RUNTIME_MONITORING", AutoEnable.NONE);

    guardDuty.updateOrganizationConfiguration("d1", AutoEnable.ALL, features);

    aws.server()
        .verify(
            postRequestedFor(urlEqualTo("/detector/d1/admin"))
                .withRequestBody(
                    equalToJson(
                        "{\"autoEnableOrganizationMembers\":\"ALL\",\"features\":["
                            + "{\"name\":\"S3_DATA_EVENTS\",\"autoEnable\":\"ALL\"},"
                            + "{\"name\":\"RUNTIME_MONITORING\",\"autoEnable\":\"NONE\"}]}")));
    JsonNode body = JSON.readTree(lastBody());
    assertThat(body.has("autoEnable")).as("the deprecated autoEnable flag").isFalse();
    assertThat(body.has("dataSources")).as("the deprecated dataSources").isFalse();
  }

  @Test
  void updateWithoutFeaturesSendsNoFeatureList() throws Exception {
    aws.server().stubFor(post(urlEqualTo("/detector/d1/admin")).willReturn(okJson("{}")));

    guardDuty.updateOrganizationConfiguration("d1", AutoEnable.NEW, Map.of());

    JsonNode body = JSON.readTree(lastBody());
    assertThat(body.get("autoEnableOrganizationMembers").asText()).isEqualTo("NEW");
    assertThat(body.has("features")).isFalse();
    assertThat(body.has("autoEnable")).isFalse();
  }

  @Test
  void describeOrganizationConfigurationReadsMembersAndFeatures() {
    aws.server()
        .stubFor(
            get(urlPathEqualTo("/detector/d1/admin"))
                .willReturn(
                    okJson(
                        "{\"autoEnable\":true,\"autoEnableOrganizationMembers\":\"NEW\","
                            + "\"memberAccountLimitReached\":false,"
                            + "\"features\":[{\"name\":\"EKS_AUDIT_LOGS\",\"autoEnable\":\"ALL\"}]}")));

    GuardDutyOrgPort.OrgConfiguration configuration =
        guardDuty.describeOrganizationConfiguration("d1");

    assertThat(configuration.members()).isEqualTo(AutoEnable.NEW);
    assertThat(configuration.features()).containsEntry("EKS_AUDIT_LOGS", AutoEnable.ALL);
  }

  @Test
  void createMembersSendsAtMostFiftyAccountsPerCallAndCollectsUnprocessed() throws Exception {
    aws.server()
        .stubFor(
            post(urlEqualTo("/detector/d1/member"))
                .inScenario("batches")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"unprocessedAccounts\":[]}"))
                .willSetStateTo("second"));
    aws.server()
        .stubFor(
            post(urlEqualTo("/detector/d1/member"))
                .inScenario("batches")
                .whenScenarioStateIs("second")
                .willReturn(
                    okJson(
                        "{\"unprocessedAccounts\":[{\"accountId\":\"100000000060\","
                            + "\"result\":\"The request is rejected because the account is suspended.\"}]}")));
    List<MemberAccount> accounts = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      String id = String.valueOf(100_000_000_000L + i);
      accounts.add(new MemberAccount(id, id + "@example.com"));
    }

    List<GuardDutyOrgPort.Unprocessed> unprocessed = guardDuty.createMembers("d1", accounts);

    List<LoggedRequest> requests =
        aws.server().findAll(postRequestedFor(urlEqualTo("/detector/d1/member")));
    assertThat(requests).hasSize(2);
    assertThat(JSON.readTree(requests.get(0).getBodyAsString()).get("accountDetails")).hasSize(50);
    JsonNode second = JSON.readTree(requests.get(1).getBodyAsString()).get("accountDetails");
    assertThat(second).hasSize(20);
    assertThat(second.get(0).get("accountId").asText()).isEqualTo("100000000050");
    assertThat(second.get(0).get("email").asText()).isEqualTo("100000000050@example.com");
    assertThat(unprocessed)
        .extracting(GuardDutyOrgPort.Unprocessed::accountId)
        .containsExactly("100000000060");
  }

  @Test
  void listMembersReadsEveryPageIncludingUnassociatedMembers() {
    aws.server()
        .stubFor(
            get(urlPathEqualTo("/detector/d1/member"))
                .withQueryParam("nextToken", absent())
                .willReturn(
                    okJson(
                        "{\"members\":[{\"accountId\":\"100000000001\",\"relationshipStatus\":\"Enabled\","
                            + "\"administratorId\":\"111122223333\",\"email\":\"a@x\",\"masterId\":\"111122223333\",\"updatedAt\":\"t\"}],"
                            + "\"nextToken\":\"page2\"}")));
    aws.server()
        .stubFor(
            get(urlPathEqualTo("/detector/d1/member"))
                .withQueryParam("nextToken", equalTo("page2"))
                .willReturn(
                    okJson(
                        "{\"members\":[{\"accountId\":\"100000000002\",\"relationshipStatus\":\"Removed\","
                            + "\"email\":\"b@x\",\"masterId\":\"111122223333\",\"updatedAt\":\"t\"}]}")));

    List<GuardDutyOrgPort.Member> members = guardDuty.listMembers("d1");

    assertThat(members)
        .extracting(GuardDutyOrgPort.Member::accountId, GuardDutyOrgPort.Member::relationshipStatus)
        .containsExactly(tuple("100000000001", "Enabled"), tuple("100000000002", "Removed"));
    aws.server()
        .verify(
            2,
            getRequestedFor(urlPathEqualTo("/detector/d1/member"))
                .withQueryParam("onlyAssociated", equalTo("false")));
  }

  @Test
  void getMembersSendsTheAccountsAndLeavesOutTheUnprocessedOnes() throws Exception {
    aws.server()
        .stubFor(
            post(urlEqualTo("/detector/d1/member/get"))
                .willReturn(
                    okJson(
                        "{\"members\":[{\"accountId\":\"100000000001\",\"relationshipStatus\":\"Enabled\","
                            + "\"administratorId\":\"111122223333\",\"email\":\"a@x\",\"masterId\":\"111122223333\",\"updatedAt\":\"t\"}],"
                            + "\"unprocessedAccounts\":[{\"accountId\":\"100000000002\","
                            + "\"result\":\"The request is rejected because the given account ID is not a member\"}]}")));

    List<GuardDutyOrgPort.Member> members =
        guardDuty.getMembers("d1", List.of("100000000001", "100000000002"));

    assertThat(members)
        .extracting(GuardDutyOrgPort.Member::accountId, GuardDutyOrgPort.Member::relationshipStatus)
        .containsExactly(tuple("100000000001", "Enabled"));
    JsonNode body =
        JSON.readTree(
            aws.server()
                .findAll(postRequestedFor(urlEqualTo("/detector/d1/member/get")))
                .get(0)
                .getBodyAsString());
    assertThat(body.get("accountIds")).hasSize(2);
    assertThat(body.get("accountIds").get(1).asText()).isEqualTo("100000000002");
  }

  @Test
  void throttledCreateMembersIsRetried() {
    aws.server()
        .stubFor(
            post(urlEqualTo("/detector/d1/member"))
                .inScenario("throttle")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"message\":\"Rate exceeded\"}"))
                .willSetStateTo("ok"));
    aws.server()
        .stubFor(
            post(urlEqualTo("/detector/d1/member"))
                .inScenario("throttle")
                .whenScenarioStateIs("ok")
                .willReturn(okJson("{\"unprocessedAccounts\":[]}")));

    assertThat(guardDuty.createMembers("d1", List.of(new MemberAccount("100000000001", "a@x"))))
        .isEmpty();
    aws.server().verify(2, postRequestedFor(urlEqualTo("/detector/d1/member")));
  }

  @Test
  void disassociateThenDeleteMembersUseTheirOwnPaths() {
    aws.server()
        .stubFor(
            post(urlEqualTo("/detector/d1/member/disassociate"))
                .willReturn(okJson("{\"unprocessedAccounts\":[]}")));
    aws.server()
        .stubFor(
            post(urlEqualTo("/detector/d1/member/delete"))
                .willReturn(okJson("{\"unprocessedAccounts\":[]}")));

    guardDuty.disassociateMembers("d1", List.of("100000000001"));
    guardDuty.deleteMembers("d1", List.of("100000000001"));

    aws.server()
        .verify(
            postRequestedFor(urlEqualTo("/detector/d1/member/delete"))
                .withRequestBody(equalToJson("{\"accountIds\":[\"100000000001\"]}")));
    assertThat(aws.operations())
        .containsExactly("GuardDuty:DisassociateMembers", "GuardDuty:DeleteMembers");
  }

  private String lastBody() {
    return aws.server().getAllServeEvents().get(0).getRequest().getBodyAsString();
  }
}
