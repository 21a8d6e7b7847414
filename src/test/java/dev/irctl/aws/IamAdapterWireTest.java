package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.irctl.aws.IamXml.POLICY_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.irctl.engine.iam.PolicyDocuments;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.IamPort;
import dev.irctl.engine.port.ManagedPolicy;
import dev.irctl.engine.port.PolicyVersion;
import dev.irctl.engine.port.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IamAdapterWireTest {
  private static final String DOCUMENT =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"guardduty:*\", \"Resource\": \"*\"}]}";

  private final WireMockAws aws = new WireMockAws();
  private final IamPort iam = aws.ports().iam();

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(IamAdapter.ACTIONS);
  }

  @Test
  void createPolicySendsNameDocumentDescriptionAndTheIrctlTag() {
    stub(
        "CreatePolicy",
        IamXml.response("CreatePolicy", IamXml.policy("v1", IamXml.tags("managed-by", "irctl"))));

    String arn =
        iam.createPolicy("irctl-guardduty-admin", "why", DOCUMENT, Map.of("managed-by", "irctl"));

    assertThat(arn).isEqualTo(POLICY_ARN);
    Map<String, String> form = onlyForm("CreatePolicy");
    assertThat(form)
        .containsEntry("Version", "2010-05-08")
        .containsEntry("PolicyName", "irctl-guardduty-admin")
        .containsEntry("Description", "why")
        .containsEntry("Tags.member.1.Key", "managed-by")
        .containsEntry("Tags.member.1.Value", "irctl");
    assertThat(PolicyDocuments.parse(form.get("PolicyDocument")))
        .isEqualTo(PolicyDocuments.parse(DOCUMENT));
  }

  @Test
  void getPolicyReadsDefaultVersionAndTags() {
    stub(
        "GetPolicy",
        IamXml.response("GetPolicy", IamXml.policy("v3", IamXml.tags("managed-by", "irctl"))));

    ManagedPolicy policy = iam.findPolicy(POLICY_ARN).orElseThrow();

    assertThat(policy.defaultVersionId()).isEqualTo("v3");
    assertThat(policy.tags()).containsEntry("managed-by", "irctl");
    assertThat(onlyForm("GetPolicy")).containsEntry("PolicyArn", POLICY_ARN);
  }

  @Test
  void aMissingPolicyIsEmptyNotAnError() {
    stubError("GetPolicy", IamXml.noSuchEntity("Policy " + POLICY_ARN + " was not found."));

    assertThat(iam.findPolicy(POLICY_ARN)).isEmpty();
  }

  @Test
  void getPolicyVersionUrlDecodesTheDocument() {
    String tricky =
        "{\"Statement\":[{\"Sid\":\"A b+c\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/x y%z\"}]}";
    stub(
        "GetPolicyVersion",
        IamXml.response("GetPolicyVersion", IamXml.policyVersion("v2", true, tricky)));

    String document = iam.policyDocument(POLICY_ARN, "v2");

    assertThat(document).isEqualTo(tricky);
    assertThat(onlyForm("GetPolicyVersion"))
        .containsEntry("VersionId", "v2")
        .containsEntry("PolicyArn", POLICY_ARN);
  }

  @Test
  void listPolicyVersionsFollowsTheMarker() {
    aws.server()
        .stubFor(
            iamCall("ListPolicyVersions")
                .withRequestBody(containing("Marker=page2"))
                .atPriority(1)
                .willReturn(
                    xml(
                        IamXml.response(
                            "ListPolicyVersions",
                            "<Versions>"
                                + IamXml.versionMember("v1", false, "2024-01-01T00:00:00Z")
                                + "</Versions><IsTruncated>false</IsTruncated>"))));
    stub(
        "ListPolicyVersions",
        IamXml.response(
            "ListPolicyVersions",
            "<Versions>"
                + IamXml.versionMember("v2", true, "2024-02-01T00:00:00Z")
                + "</Versions><IsTruncated>true</IsTruncated><Marker>page2</Marker>"));

    List<PolicyVersion> versions = iam.policyVersions(POLICY_ARN);

    assertThat(versions)
        .containsExactly(
            new PolicyVersion("v2", true, Instant.parse("2024-02-01T00:00:00Z")),
            new PolicyVersion("v1", false, Instant.parse("2024-01-01T00:00:00Z")));
  }

  @Test
  void createPolicyVersionSetsItAsDefault() {
    stub(
        "CreatePolicyVersion",
        IamXml.response("CreatePolicyVersion", IamXml.policyVersion("v4", true, DOCUMENT)));

    assertThat(iam.createDefaultVersion(POLICY_ARN, DOCUMENT)).isEqualTo("v4");

    Map<String, String> form = onlyForm("CreatePolicyVersion");
    assertThat(form).containsEntry("SetAsDefault", "true").containsEntry("PolicyArn", POLICY_ARN);
    assertThat(PolicyDocuments.parse(form.get("PolicyDocument")))
        .isEqualTo(PolicyDocuments.parse(DOCUMENT));
  }

  @Test
  void deletePolicyVersionNamesTheVersion() {
    stub("DeletePolicyVersion", IamXml.empty("DeletePolicyVersion"));

    iam.deletePolicyVersion(POLICY_ARN, "v1");

    assertThat(onlyForm("DeletePolicyVersion")).containsEntry("VersionId", "v1");
  }

  @Test
  void attachSendsTheRightCallForEachKindOfPrincipal() {
    stub("AttachRolePolicy", IamXml.empty("AttachRolePolicy"));
    stub("AttachGroupPolicy", IamXml.empty("AttachGroupPolicy"));
    stub("AttachUserPolicy", IamXml.empty("AttachUserPolicy"));

    iam.attach(Principal.role("responders"), POLICY_ARN);
    iam.attach(Principal.group("secops"), POLICY_ARN);
    iam.attach(Principal.user("alice"), POLICY_ARN);

    assertThat(onlyForm("AttachRolePolicy"))
        .containsEntry("RoleName", "responders")
        .containsEntry("PolicyArn", POLICY_ARN);
    assertThat(onlyForm("AttachGroupPolicy")).containsEntry("GroupName", "secops");
    assertThat(onlyForm("AttachUserPolicy")).containsEntry("UserName", "alice");
    assertThat(aws.operations())
        .containsExactly("Iam:AttachRolePolicy", "Iam:AttachGroupPolicy", "Iam:AttachUserPolicy");
  }

  @Test
  void listAttachedPoliciesReadsEveryPage() {
    aws.server()
        .stubFor(
            iamCall("ListAttachedRolePolicies")
                .withRequestBody(containing("Marker=next"))
                .atPriority(1)
                .willReturn(xml(attached(POLICY_ARN, null))));
    stub("ListAttachedRolePolicies", attached("arn:aws:iam::aws:policy/ReadOnlyAccess", "next"));
    stub("ListAttachedUserPolicies", attached(POLICY_ARN, null).replace("Role", "User"));
    stub(
        "ListAttachedGroupPolicies",
        IamXml.response(
            "ListAttachedGroupPolicies", "<AttachedPolicies/><IsTruncated>false</IsTruncated>"));

    assertThat(iam.attachedPolicyArns(Principal.role("responders")))
        .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess", POLICY_ARN);
    assertThat(iam.attachedPolicyArns(Principal.user("alice"))).containsExactly(POLICY_ARN);
    assertThat(iam.attachedPolicyArns(Principal.group("secops"))).isEmpty();
  }

  @Test
  void aMissingPrincipalIsReportedAsNotExisting() {
    stubError("GetRole", IamXml.noSuchEntity("The role with name ghost cannot be found."));
    stub(
        "GetUser",
        IamXml.response(
            "GetUser",
            "<User><Path>/</Path><UserName>alice</UserName><UserId>AIDAEXAMPLE</UserId>"
                + "<Arn>arn:aws:iam::111122223333:user/alice</Arn><CreateDate>2020-01-01T00:00:00Z</CreateDate></User>"));

    assertThat(iam.exists(Principal.role("ghost"))).isFalse();
    assertThat(iam.exists(Principal.user("alice"))).isTrue();
    assertThat(onlyForm("GetRole")).containsEntry("RoleName", "ghost");
  }

  @Test
  void noSuchEntityOnAWriteIsANotFoundFailureNamingTheAction() {
    stubError("AttachRolePolicy", IamXml.noSuchEntity("The role with name ghost cannot be found."));

    assertThatThrownBy(() -> iam.attach(Principal.role("ghost"), POLICY_ARN))
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AwsCallException.Kind.NOT_FOUND);
              assertThat(e.getMessage())
                  .contains("iam:AttachRolePolicy")
                  .contains("ghost cannot be found");
            });
  }

  @Test
  void accessDeniedNamesTheMissingAction() {
    aws.server()
        .stubFor(
            iamCall("CreatePolicy")
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(
                            IamXml.noSuchEntity(
                                    "User: arn:aws:iam::111122223333:user/ci is not authorized to perform: iam:CreatePolicy")
                                .replace("NoSuchEntity", "AccessDenied"))));

    assertThatThrownBy(() -> iam.createPolicy("p", "d", DOCUMENT, Map.of()))
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AwsCallException.Kind.ACCESS_DENIED);
              assertThat(e.getMessage()).contains("not allowed iam:CreatePolicy");
            });
  }

  @Test
  void iamIsCalledOnceOnTheGlobalEndpointSignedForUsEast1() {
    stub(
        "GetRole",
        IamXml.response(
            "GetRole",
            "<Role><Path>/</Path><RoleName>r</RoleName><RoleId>AROAEXAMPLE</RoleId><Arn>arn:aws:iam::111122223333:role/r</Arn>"
                + "<CreateDate>2020-01-01T00:00:00Z</CreateDate></Role>"));

    iam.exists(Principal.role("r"));

    LoggedRequest request = aws.server().getAllServeEvents().get(0).getRequest();
    assertThat(request.getHeader("Authorization")).contains("/us-east-1/iam/aws4_request");
  }

  private static String attached(String arn, String marker) {
    String name = arn.substring(arn.lastIndexOf('/') + 1);
    return IamXml.response(
        "ListAttachedRolePolicies",
        "<AttachedPolicies><member><PolicyName>"
            + name
            + "</PolicyName><PolicyArn>"
            + arn
            + "</PolicyArn></member></AttachedPolicies>"
            + (marker == null
                ? "<IsTruncated>false</IsTruncated>"
                : "<IsTruncated>true</IsTruncated><Marker>" + marker + "</Marker>"));
  }

  private MappingBuilder iamCall(String action) {
    return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
  }

  private void stub(String action, String body) {
    aws.server().stubFor(iamCall(action).willReturn(xml(body)));
  }

  private void stubError(String action, String body) {
    aws.server()
        .stubFor(
            iamCall(action)
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(body)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
  }

  private Map<String, String> onlyForm(String action) {
    List<LoggedRequest> requests =
        aws.server().getAllServeEvents().stream()
            .map(e -> e.getRequest())
            .filter(r -> r.getBodyAsString().startsWith("Action=" + action + "&"))
            .toList();
    assertThat(requests).as(action + " requests").hasSize(1);
    return IamXml.form(requests.get(0).getBodyAsString());
  }
}
