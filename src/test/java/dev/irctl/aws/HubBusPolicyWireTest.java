package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.irctl.engine.org.HubBusPolicy;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.EventBridgePort;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hub bus policy on the wire: DescribeEventBus read, PutPermission with the whole merged policy
 * (foreign statements kept), RemovePermission of irctl's statement only.
 */
class HubBusPolicyWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUS_ARN = "arn:aws:events:eu-west-1:111122223333:event-bus/default";
  private static final String FOREIGN =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"partner\",\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},"
          + "\"Action\":\"events:PutEvents\",\"Resource\":\""
          + BUS_ARN
          + "\"}]}";
  private final WireMockAws aws = new WireMockAws();
  private final EventBridgePort events = aws.ports().eventBridge("eu-west-1");

  @AfterEach
  void everyOperationSentIsDeclaredAndStop() {
    aws.assertDeclaredThenClose(EventBridgeAdapter.HUB_POLICY_ACTIONS);
  }

  private static MappingBuilder events(String operation) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents." + operation));
  }

  @Test
  void describeEventBusReadsThePolicyOfTheNamedBus() throws Exception {
    aws.server()
        .stubFor(
            events("DescribeEventBus")
                .withRequestBody(equalToJson("{\"Name\":\"default\"}"))
                .willReturn(
                    okJson(
                        JSON.createObjectNode()
                            .put("Name", "default")
                            .put("Arn", BUS_ARN)
                            .put("Policy", FOREIGN)
                            .toString())));

    assertThat(events.busPolicy("default").map(this::tree)).contains(JSON.readTree(FOREIGN));
  }

  @Test
  void aBusWithoutPolicyHasNone() {
    aws.server()
        .stubFor(
            events("DescribeEventBus")
                .willReturn(okJson("{\"Name\":\"default\",\"Arn\":\"" + BUS_ARN + "\"}")));

    assertThat(events.busPolicy("default")).isEmpty();
  }

  @Test
  void putPermissionSendsTheMergedPolicyWithTheForeignStatementAndTheOrgCondition()
      throws Exception {
    aws.server().stubFor(events("PutPermission").willReturn(okJson("{}")));
    String merged =
        HubBusPolicy.merge(Optional.of(JSON.readTree(FOREIGN)), "o-abc123", BUS_ARN).toString();

    events.putBusPolicy("default", merged);

    var sent = aws.server().findAll(postRequestedFor(urlEqualTo("/")));
    assertThat(sent).hasSize(1);
    JsonNode body = JSON.readTree(sent.get(0).getBodyAsString());
    assertThat(body.path("EventBusName").asText()).isEqualTo("default");
    // The policy travels as one JSON string (Policy), not as the Principal/Action shorthand.
    assertThat(body.has("Principal")).isFalse();
    assertThat(body.has("StatementId")).isFalse();
    JsonNode policy = JSON.readTree(body.path("Policy").asText());
    assertThat(policy.path("Statement")).hasSize(2);
    assertThat(policy.path("Statement").get(0).path("Sid").asText()).isEqualTo("partner");
    JsonNode ours = policy.path("Statement").get(1);
    assertThat(ours.path("Sid").asText()).isEqualTo(HubBusPolicy.SID);
    assertThat(ours.path("Action").asText()).isEqualTo("events:PutEvents");
    assertThat(ours.path("Resource").asText()).isEqualTo(BUS_ARN);
    assertThat(ours.at("/Condition/StringEquals/aws:PrincipalOrgID").asText())
        .isEqualTo("o-abc123");
  }

  @Test
  void removePermissionRemovesIrctlsStatementOnlyNeverAll() throws Exception {
    aws.server().stubFor(events("RemovePermission").willReturn(okJson("{}")));

    events.removeBusPolicyStatement("default", HubBusPolicy.SID);

    var sent = aws.server().findAll(postRequestedFor(urlEqualTo("/")));
    assertThat(sent).hasSize(1);
    JsonNode body = JSON.readTree(sent.get(0).getBodyAsString());
    assertThat(body.path("EventBusName").asText()).isEqualTo("default");
    assertThat(body.path("StatementId").asText()).isEqualTo(HubBusPolicy.SID);
    assertThat(body.path("RemoveAllPermissions").asBoolean(false)).isFalse();
  }

  @Test
  void accessDeniedOnPutPermissionNamesTheAction() {
    aws.server()
        .stubFor(
            events("PutPermission")
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(
                            "{\"__type\":\"AccessDeniedException\",\"message\":\"User:"
                                + " arn:aws:iam::111122223333:user/ci is not authorized to"
                                + " perform: events:PutPermission\"}")));

    assertThatThrownBy(() -> events.putBusPolicy("default", "{}"))
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AwsCallException.Kind.ACCESS_DENIED);
              assertThat(e.getMessage()).contains("events:PutPermission");
            });
  }

  private JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
