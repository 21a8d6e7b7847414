package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AccountPort;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.MessageFormat;
import dev.irctl.engine.rules.ReadableMessage;
import dev.irctl.engine.rules.RegionApplier;
import dev.irctl.engine.rules.RegionPlan;
import dev.irctl.engine.rules.RegionPlanner;
import dev.irctl.engine.rules.RegionReader;
import dev.irctl.engine.rules.RegionState;
import dev.irctl.engine.rules.SnsTopicPolicy;
import dev.irctl.engine.rules.TopicSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the EventBridge, SNS and STS adapters put on the wire, and how they read AWS's answers. */
class RulesAdaptersWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:irctl-alerts";
  private final WireMockAws aws = new WireMockAws();
  private final EventBridgePort events = aws.ports().eventBridge("eu-west-1");

  @AfterEach
  void everyOperationSentIsDeclaredAndStop() {
    aws.assertDeclaredThenClose(
        EventBridgeAdapter.ACTIONS, SnsAdapter.ACTIONS, KmsAdapter.ACTIONS, AccountAdapter.ACTIONS);
  }

  private static final AccountPort.Identity IDENTITY =
      new AccountPort.Identity("111122223333", "aws", "arn:aws:iam::111122223333:user/x");

  /** apply-rules in eu-west-1 with raw messages and no subscription. */
  private static ApplyRulesRequest request(List<DesiredRule> rules) {
    return new ApplyRulesRequest(
        "default",
        new TopicSpec("irctl-alerts", Optional.empty(), List.of()),
        MessageFormat.RAW,
        false,
        rules,
        List.of(),
        Optional.empty(),
        List.of());
  }

  /** eu-west-1's state through the adapters, as apply-rules reads it first (no rule tags). */
  private RegionReader.Found read(Parallel parallel) {
    return new RegionReader(parallel)
        .read(
            events,
            aws.ports().sns("eu-west-1"),
            Optional.empty(),
            "default",
            TOPIC,
            Optional.empty());
  }

  private static MappingBuilder events(String operation) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents." + operation));
  }

  private static MappingBuilder query(String action) {
    return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
  }

  private static DesiredRule rule() throws Exception {
    return new DesiredRule(
        "irctl-iam-mfa-deactivated",
        "iam-mfa-deactivated",
        "MFA device \"deactivated\"",
        "high",
        "Alerts when MFA is turned off",
        JSON.readTree(
            "{\"source\":[\"aws.iam\"],\"detail\":{\"eventName\":[\"DeactivateMFADevice\"]}}"),
        "ENABLED",
        Map.of("managed-by", "irctl", "irctl:rule-id", "iam-mfa-deactivated"),
        true,
        false,
        ConsoleSignIns.NONE);
  }

  private JsonNode body(String target) throws Exception {
    Request request =
        aws.server().getAllServeEvents().stream()
            .map(e -> e.getRequest())
            .filter(r -> ("AWSEvents." + target).equals(r.getHeader("X-Amz-Target")))
            .findFirst()
            .orElseThrow();
    return JSON.readTree(request.getBodyAsString());
  }

  private Map<String, String> form(String action) {
    String body =
        aws.server().getAllServeEvents().stream()
            .map(e -> e.getRequest().getBodyAsString())
            .filter(b -> b.contains("Action=" + action + "&"))
            .findFirst()
            .orElseThrow();
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return form;
  }

  @Test
  void putRuleSendsTheEventPatternAsAJsonStringWithStateDescriptionTagsAndBus() throws Exception {
    aws.server()
        .stubFor(
            events("PutRule")
                .willReturn(
                    okJson(
                        "{\"RuleArn\":\"arn:aws:events:eu-west-1:111122223333:rule/irctl-iam-mfa-deactivated\"}")));
    DesiredRule rule = rule();

    String arn = events.putRule("default", rule.definition(), rule.tags());

    assertThat(arn).endsWith(":rule/irctl-iam-mfa-deactivated");
    JsonNode body = body("PutRule");
    assertThat(body.get("EventPattern").isTextual()).as("EventPattern is a JSON string").isTrue();
    assertThat(JSON.readTree(body.get("EventPattern").asText())).isEqualTo(rule.pattern());
    assertThat(body.get("Name").asText()).isEqualTo("irctl-iam-mfa-deactivated");
    assertThat(body.get("State").asText()).isEqualTo("ENABLED");
    assertThat(body.get("Description").asText()).isEqualTo("Alerts when MFA is turned off");
    assertThat(body.get("EventBusName").asText()).isEqualTo("default");
    assertThat(body.get("Tags").toString())
        .contains("{\"Key\":\"managed-by\",\"Value\":\"irctl\"}");
  }

  @Test
  void theAlertPathTargetGoesInTheSamePutTargetsAsTheTopicWithNoRoleArnAndTheRawEvent()
      throws Exception {
    aws.server()
        .stubFor(
            events("PutTargets")
                .willReturn(okJson("{\"FailedEntryCount\":0,\"FailedEntries\":[]}")));
    String logs = "arn:aws:logs:us-east-1:111122223333:log-group:/irctl/alert-path";

    events.putTargets(
        "default",
        "irctl-sns-irctl-topic-tampering",
        List.of(
            RuleTarget.of("irctl-sns", TOPIC, Optional.empty()),
            RuleTarget.of("irctl-alert-path", logs, Optional.empty())));

    JsonNode targets = body("PutTargets").get("Targets");
    assertThat(targets).hasSize(2);
    JsonNode second = targets.get(1);
    assertThat(second.get("Id").asText()).isEqualTo("irctl-alert-path");
    assertThat(second.get("Arn").asText()).isEqualTo(logs);
    // Logs targets are authorised by the Logs resource policy; AWS says to set no RoleArn.
    assertThat(second.has("RoleArn")).isFalse();
    assertThat(second.has("InputTransformer")).isFalse();
  }

  @Test
  void putTargetsSendsTheSnsTargetWithTheReadableInputTransformer() throws Exception {
    aws.server()
        .stubFor(
            events("PutTargets")
                .willReturn(okJson("{\"FailedEntryCount\":0,\"FailedEntries\":[]}")));
    RuleTarget target =
        RuleTarget.of("irctl-sns", TOPIC, Optional.of(ReadableMessage.transformer(rule())));

    events.putTargets("default", "irctl-iam-mfa-deactivated", List.of(target));

    JsonNode sent = body("PutTargets").get("Targets").get(0);
    assertThat(sent.get("Id").asText()).isEqualTo("irctl-sns");
    assertThat(sent.get("Arn").asText()).isEqualTo(TOPIC);
    JsonNode transformer = sent.get("InputTransformer");
    assertThat(transformer.get("InputPathsMap").get("eventName").asText())
        .isEqualTo("$.detail.eventName");
    assertThat(transformer.get("InputPathsMap").get("account").asText()).isEqualTo("$.account");
    String template = transformer.get("InputTemplate").asText();
    // The template is itself a JSON string: the catalog title's quotes are escaped inside it.
    assertThat(JSON.readTree(template).asText())
        .startsWith("MFA device \"deactivated\" (severity high)\n")
        .contains("Principal: <principal>")
        .contains("Source IP: <sourceIp>");
  }

  @Test
  void aFailedEntryCountIsAFailureWithAwssMessage() {
    aws.server()
        .stubFor(
            events("PutTargets")
                .willReturn(
                    okJson(
                        "{\"FailedEntryCount\":1,\"FailedEntries\":[{\"TargetId\":\"irctl-sns\",\"ErrorCode\":\"ValidationException\","
                            + "\"ErrorMessage\":\"Target irctl-sns: Topic does not exist\"}]}")));

    assertThatThrownBy(
            () ->
                events.putTargets(
                    "default",
                    "irctl-a",
                    List.of(RuleTarget.of("irctl-sns", TOPIC, Optional.empty()))))
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.action()).isEqualTo("events:PutTargets");
              assertThat(e.getMessage())
                  .contains(
                      "irctl-sns: ValidationException: Target irctl-sns: Topic does not exist");
            });
  }

  @Test
  void throttlingIsRetriedUntilListRulesSucceedsAndEveryPageIsRead() {
    aws.server()
        .stubFor(
            events("ListRules")
                .inScenario("throttle")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withBody(
                            "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"))
                .willSetStateTo("page1"));
    aws.server()
        .stubFor(
            events("ListRules")
                .inScenario("throttle")
                .whenScenarioStateIs("page1")
                .willReturn(
                    okJson(
                        "{\"Rules\":[{\"Name\":\"irctl-a\",\"Arn\":\"arn:a\",\"State\":\"ENABLED\",\"EventPattern\":\"{}\"}],\"NextToken\":\"t2\"}"))
                .willSetStateTo("page2"));
    aws.server()
        .stubFor(
            events("ListRules")
                .inScenario("throttle")
                .whenScenarioStateIs("page2")
                .willReturn(
                    okJson(
                        "{\"Rules\":[{\"Name\":\"irctl-b\",\"Arn\":\"arn:b\",\"State\":\"DISABLED\"}]}")));

    List<BusRule> rules = events.listRules("default", "irctl-");

    assertThat(rules).extracting(BusRule::name).containsExactly("irctl-a", "irctl-b");
    aws.server()
        .verify(
            3,
            postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSEvents.ListRules")));
    assertThat(aws.server().getAllServeEvents().get(0).getRequest().getBodyAsString())
        .contains("\"NamePrefix\":\"irctl-\"");
  }

  @Test
  void aRegionInSyncIsReadWithOneWholeBusListingAndOneTargetListingPerRuleAndNoRuleTags()
      throws Exception {
    DesiredRule regional =
        new DesiredRule(
            "irctl-iam-mfa-deactivated",
            "iam-mfa-deactivated",
            "MFA device deactivated",
            "high",
            "Alerts when MFA is turned off",
            JSON.readTree("{\"source\":[\"aws.iam\"]}"),
            "ENABLED",
            Map.of("managed-by", "irctl", "irctl:rule-id", "iam-mfa-deactivated"),
            false,
            false,
            ConsoleSignIns.NONE);
    aws.server()
        .stubFor(
            events("ListRules")
                .willReturn(
                    okJson(
                        "{\"Rules\":[{\"Name\":\"irctl-iam-mfa-deactivated\",\"Arn\":\"arn:aws:events:eu-west-1:111122223333:rule/irctl-iam-mfa-deactivated\","
                            + "\"State\":\"ENABLED\",\"Description\":\"Alerts when MFA is turned off\",\"EventPattern\":\"{\\\"source\\\":[\\\"aws.iam\\\"]}\"},"
                            + "{\"Name\":\"team-rule\",\"Arn\":\"arn:aws:events:eu-west-1:111122223333:rule/team-rule\",\"State\":\"ENABLED\",\"EventPattern\":\"{}\"}]}")));
    aws.server()
        .stubFor(
            events("ListTargetsByRule")
                .willReturn(
                    okJson("{\"Targets\":[{\"Id\":\"irctl-sns\",\"Arn\":\"" + TOPIC + "\"}]}")));
    aws.server()
        .stubFor(
            query("GetTopicAttributes")
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withBody(
                            "<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code>"
                                + "<Message>Topic does not exist</Message></Error></ErrorResponse>")));
    ApplyRulesRequest request = request(List.of(regional));

    RegionPlan plan;
    RegionReader.Found found;
    try (Parallel parallel = new Parallel()) {
      found = read(parallel);
      plan = RegionPlanner.plan("eu-west-1", request, IDENTITY, found.state());
    }

    assertThat(plan.ruleChanges()).isEmpty();
    assertThat(plan.unchangedRules()).isEqualTo(1);
    assertThat(plan.unconfirmed()).isEmpty();
    assertThat(found.onBus()).extracting(BusRule::name).contains("team-rule");
    assertThat(aws.operations())
        .filteredOn(o -> o.startsWith("EventBridge:"))
        .containsExactlyInAnyOrder("EventBridge:ListRules", "EventBridge:ListTargetsByRule");
    assertThat(body("ListRules").has("NamePrefix"))
        .as("the whole bus, for the plan and the quota")
        .isFalse();
  }

  @Test
  void everyPageOfARulesTargetsIsRead() {
    aws.server()
        .stubFor(
            events("ListTargetsByRule")
                .inScenario("pages")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    okJson(
                        "{\"Targets\":[{\"Id\":\"irctl-sns\",\"Arn\":\""
                            + TOPIC
                            + "\"}],\"NextToken\":\"t2\"}"))
                .willSetStateTo("page2"));
    aws.server()
        .stubFor(
            events("ListTargetsByRule")
                .inScenario("pages")
                .whenScenarioStateIs("page2")
                .withRequestBody(containing("\"NextToken\":\"t2\""))
                .willReturn(
                    okJson(
                        "{\"Targets\":[{\"Id\":\"pager\",\"Arn\":\"arn:aws:lambda:eu-west-1:111122223333:function:pager\",\"RoleArn\":\"arn:aws:iam::111122223333:role/r\"}]}")));

    List<RuleTarget> targets = events.listTargets("default", "irctl-a");

    assertThat(targets).extracting(RuleTarget::id).containsExactly("irctl-sns", "pager");
    assertThat(targets.get(1).roleArn()).contains("arn:aws:iam::111122223333:role/r");
    assertThat(aws.operations())
        .containsExactly("EventBridge:ListTargetsByRule", "EventBridge:ListTargetsByRule");
  }

  @Test
  void setTopicAttributesSendsTheMergedPolicyKeepingTheForeignStatement() throws Exception {
    String foreign =
        "{\"Sid\":\"Alarms\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudwatch.amazonaws.com\"},\"Action\":\"sns:Publish\",\"Resource\":\""
            + TOPIC
            + "\"}";
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" + foreign + "]}";
    aws.server().stubFor(events("ListRules").willReturn(okJson("{\"Rules\":[]}")));
    aws.server()
        .stubFor(
            query("GetTopicAttributes")
                .willReturn(
                    xml(
                        "<GetTopicAttributesResponse><GetTopicAttributesResult><Attributes><entry><key>Policy</key><value>"
                            + policy
                                .replace("&", "&amp;")
                                .replace("<", "&lt;")
                                .replace("\"", "&quot;")
                            + "</value></entry></Attributes></GetTopicAttributesResult></GetTopicAttributesResponse>")));
    aws.server()
        .stubFor(
            query("ListTagsForResource")
                .willReturn(
                    xml(
                        "<ListTagsForResourceResponse><ListTagsForResourceResult><Tags/></ListTagsForResourceResult></ListTagsForResourceResponse>")));
    aws.server()
        .stubFor(
            query("ListSubscriptionsByTopic")
                .willReturn(
                    xml(
                        "<ListSubscriptionsByTopicResponse><ListSubscriptionsByTopicResult><Subscriptions><member><Protocol>email</Protocol>"
                            + "<Endpoint>soc@example.com</Endpoint><SubscriptionArn>PendingConfirmation</SubscriptionArn></member></Subscriptions>"
                            + "</ListSubscriptionsByTopicResult></ListSubscriptionsByTopicResponse>")));
    aws.server()
        .stubFor(
            query("SetTopicAttributes")
                .willReturn(
                    xml(
                        "<SetTopicAttributesResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SetTopicAttributesResponse>")));
    ApplyRulesRequest request = request(List.of());

    try (Parallel parallel = new Parallel()) {
      RegionState state = read(parallel).state();
      RegionPlan plan = RegionPlanner.plan("eu-west-1", request, IDENTITY, state);
      RegionApplier.Outcome outcome =
          new RegionApplier(parallel).apply(events, aws.ports().sns("eu-west-1"), "default", plan);

      assertThat(outcome.failures()).isEmpty();
      assertThat(outcome.writes()).isEqualTo(1);
      assertThat(plan.pendingSubscriptions()).containsExactly("email:soc@example.com");
    }
    Map<String, String> form = form("SetTopicAttributes");
    assertThat(form).containsEntry("TopicArn", TOPIC).containsEntry("AttributeName", "Policy");
    JsonNode sent = JSON.readTree(form.get("AttributeValue"));
    assertThat(sent.get("Statement")).hasSize(2);
    assertThat(sent.get("Statement").get(0)).isEqualTo(JSON.readTree(foreign));
    assertThat(sent.get("Statement").get(1).get("Sid").asText()).isEqualTo(SnsTopicPolicy.SID);
  }

  @Test
  void theAccountAndPartitionComeFromGetCallerIdentity() {
    aws.server()
        .stubFor(
            query("GetCallerIdentity")
                .willReturn(
                    xml(
                        "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws-us-gov:iam::123456789012:user/x</Arn>"
                            + "<UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")));

    AccountPort.Identity identity = aws.ports().account().identity();

    assertThat(identity.accountId()).isEqualTo("123456789012");
    assertThat(identity.partition()).isEqualTo("aws-us-gov");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
  }
}
