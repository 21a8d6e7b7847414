package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.iam.PolicyPart;
import dev.irctl.engine.port.Principal;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.fakes.PartRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** install-policy end to end over the real adapters: what goes over the wire, in which order. */
class InstallPolicyWireTest {
  private final WireMockAws aws = new WireMockAws();

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(IamAdapter.ACTIONS, AccountAdapter.ACTIONS);
  }

  @Test
  void aFreshAccountGetsTheTaggedPolicyWithItsOwnAccountIdThenTheAttachment() {
    reply(
        "GetCallerIdentity",
        IamXml.callerIdentity("arn:aws:iam::111122223333:user/admin", "111122223333"),
        200);
    reply(
        "GetRole",
        IamXml.response(
            "GetRole",
            "<Role><Path>/</Path><RoleName>responders</RoleName><RoleId>AROAEXAMPLE</RoleId>"
                + "<Arn>arn:aws:iam::111122223333:role/responders</Arn><CreateDate>2020-01-01T00:00:00Z</CreateDate></Role>"),
        200);
    reply("GetPolicy", IamXml.noSuchEntity("Policy " + IamXml.POLICY_ARN + " was not found."), 404);
    reply(
        "CreatePolicy",
        IamXml.response("CreatePolicy", IamXml.policy("v1", IamXml.tags("managed-by", "irctl"))),
        200);
    reply("AttachRolePolicy", IamXml.empty("AttachRolePolicy"), 200);

    List<PartResult> results =
        PartRun.run(
            aws.ports(),
            1,
            List.of(),
            new PolicyPart(
                Optional.of(
                    new PolicyPart.Request(
                        "irctl-guardduty-admin", List.of(Principal.role("responders")), false))),
            false);

    assertThat(results.get(0).status()).isEqualTo(PartStatus.APPLIED);
    // GetRole and GetPolicy are asked at once, so either may reach the server first.
    assertThat(aws.operations()).hasSize(5);
    assertThat(aws.operations().subList(0, 3))
        .containsExactlyInAnyOrder("Sts:GetCallerIdentity", "Iam:GetRole", "Iam:GetPolicy")
        .startsWith("Sts:GetCallerIdentity");
    assertThat(aws.operations().subList(3, 5))
        .containsExactly("Iam:CreatePolicy", "Iam:AttachRolePolicy");
    Map<String, String> create =
        IamXml.form(
            aws.server().getAllServeEvents().stream()
                .map(e -> e.getRequest().getBodyAsString())
                .filter(b -> b.startsWith("Action=CreatePolicy&"))
                .findFirst()
                .orElseThrow());
    assertThat(create.get("PolicyDocument"))
        .contains(
            "arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty")
        .contains("\"guardduty:*\"");
    assertThat(create)
        .containsEntry("Tags.member.1.Key", "managed-by")
        .containsEntry("Tags.member.1.Value", "irctl");
  }

  private void reply(String action, String body, int status) {
    aws.server()
        .stubFor(
            post(urlEqualTo("/"))
                .withRequestBody(containing("Action=" + action + "&"))
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(body)));
  }
}
