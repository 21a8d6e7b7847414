package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.irctl.engine.port.OrganizationsPort;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrganizationsAdapterWireTest {
  private static final String TARGET = "AWSOrganizationsV20161128.";
  private final WireMockAws aws = new WireMockAws();
  private final OrganizationsPort organizations = aws.ports().organizations();

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(OrganizationsAdapter.ACTIONS);
  }

  private void stub(String operation, String body) {
    aws.server().stubFor(WireMockAws.target(TARGET + operation).willReturn(okJson(body)));
  }

  @Test
  void listAccountsForParentReadsEveryPageOfThatParentWithStateAndFallsBackToStatus() {
    aws.server()
        .stubFor(
            WireMockAws.target(TARGET + "ListAccountsForParent")
                .withRequestBody(notContaining("NextToken"))
                .withRequestBody(equalToJson("{\"ParentId\":\"ou-ab12-34567890\"}", true, true))
                .willReturn(
                    okJson(
                        "{\"Accounts\":[{\"Id\":\"100000000001\",\"Name\":\"a\",\"Email\":\"a@x\","
                            + "\"Status\":\"ACTIVE\",\"State\":\"ACTIVE\"},"
                            + "{\"Id\":\"100000000002\",\"Name\":\"b\",\"Email\":\"b@x\","
                            + "\"Status\":\"SUSPENDED\",\"State\":\"CLOSED\"}],\"NextToken\":\"p2\"}")));
    aws.server()
        .stubFor(
            WireMockAws.target(TARGET + "ListAccountsForParent")
                .withRequestBody(
                    equalToJson(
                        "{\"ParentId\":\"ou-ab12-34567890\",\"NextToken\":\"p2\"}", true, true))
                .willReturn(
                    okJson(
                        "{\"Accounts\":[{\"Id\":\"100000000003\",\"Name\":\"c\",\"Email\":\"c@x\","
                            + "\"Status\":\"SUSPENDED\"}]}")));

    assertThat(organizations.listAccountsForParent("ou-ab12-34567890"))
        .extracting(OrgAccount::id, OrgAccount::state)
        .containsExactly(
            tuple("100000000001", AccountState.ACTIVE),
            tuple("100000000002", AccountState.CLOSED),
            tuple("100000000003", AccountState.SUSPENDED));
  }

  @Test
  void listOrganizationalUnitsReadsEveryPageOfTheParentsChildren() {
    aws.server()
        .stubFor(
            WireMockAws.target(TARGET + "ListOrganizationalUnitsForParent")
                .withRequestBody(equalToJson("{\"ParentId\":\"r-ab12\"}", true, true))
                .withRequestBody(notContaining("NextToken"))
                .willReturn(
                    okJson(
                        "{\"OrganizationalUnits\":[{\"Id\":\"ou-ab12-11111111\",\"Name\":\"a\"}],"
                            + "\"NextToken\":\"p2\"}")));
    aws.server()
        .stubFor(
            WireMockAws.target(TARGET + "ListOrganizationalUnitsForParent")
                .withRequestBody(
                    equalToJson("{\"ParentId\":\"r-ab12\",\"NextToken\":\"p2\"}", true, true))
                .willReturn(
                    okJson(
                        "{\"OrganizationalUnits\":[{\"Id\":\"ou-ab12-22222222\",\"Name\":\"b\"}]}")));

    assertThat(organizations.listOrganizationalUnits("r-ab12"))
        .containsExactly("ou-ab12-11111111", "ou-ab12-22222222");
  }

  @Test
  void anAccountOutsideAnyOrganizationHasNone() {
    aws.server()
        .stubFor(
            WireMockAws.target(TARGET + "DescribeOrganization")
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(
                            "{\"__type\":\"AWSOrganizationsNotInUseException\","
                                + "\"Message\":\"Your account is not a member of an organization.\"}")));

    assertThat(organizations.describeOrganization()).isEmpty();
  }

  @Test
  void describeOrganizationReadsIdManagementAccountAndFeatureSet() {
    stub(
        "DescribeOrganization",
        "{\"Organization\":{\"Id\":\"o-abc123\",\"MasterAccountId\":\"111122223333\","
            + "\"FeatureSet\":\"ALL\",\"Arn\":\"arn:aws:organizations::111122223333:organization/o-abc123\"}}");

    assertThat(organizations.describeOrganization())
        .contains(new OrganizationsPort.Organization("o-abc123", "111122223333", true));
  }

  @Test
  void anUnknownOrganizationalUnitDoesNotExist() {
    stub(
        "DescribeOrganizationalUnit",
        "{\"OrganizationalUnit\":{\"Id\":\"ou-ab12-34567890\",\"Name\":\"Workloads\"}}");
    aws.server()
        .stubFor(
            post(urlEqualTo("/"))
                .atPriority(1)
                .withHeader("X-Amz-Target", equalTo(TARGET + "DescribeOrganizationalUnit"))
                .withRequestBody(containing("ou-gone-12345678"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(
                            "{\"__type\":\"OrganizationalUnitNotFoundException\",\"Message\":\"not found\"}")));

    assertThat(organizations.organizationalUnitExists("ou-ab12-34567890")).isTrue();
    assertThat(organizations.organizationalUnitExists("ou-gone-12345678")).isFalse();
  }

  @Test
  void trustedAccessAndDelegatedAdministratorsAreReadAndEnabledForOnePrincipal() {
    stub(
        "ListAWSServiceAccessForOrganization",
        "{\"EnabledServicePrincipals\":[{\"ServicePrincipal\":\"member.org.stacksets.cloudformation.amazonaws.com\"}]}");
    stub(
        "ListDelegatedAdministrators",
        "{\"DelegatedAdministrators\":[{\"Id\":\"444455556666\",\"Email\":\"sec@x\"}]}");
    stub("EnableAWSServiceAccess", "{}");
    stub("ListRoots", "{\"Roots\":[{\"Id\":\"r-ab12\",\"Name\":\"Root\"}]}");

    assertThat(organizations.servicesWithAccess())
        .containsExactly("member.org.stacksets.cloudformation.amazonaws.com");
    assertThat(organizations.delegatedAdministrators("guardduty.amazonaws.com"))
        .containsExactly("444455556666");
    assertThat(organizations.listRoots()).containsExactly("r-ab12");
    organizations.enableServiceAccess("guardduty.amazonaws.com");

    aws.server()
        .verify(
            postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "EnableAWSServiceAccess"))
                .withRequestBody(
                    equalToJson("{\"ServicePrincipal\":\"guardduty.amazonaws.com\"}")));
    aws.server()
        .verify(
            postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "ListDelegatedAdministrators"))
                .withRequestBody(
                    equalToJson("{\"ServicePrincipal\":\"guardduty.amazonaws.com\"}", true, true)));
  }
}
