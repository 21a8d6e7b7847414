package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.irctl.engine.port.AlertPathPorts;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.LogGroupPort;
import dev.irctl.engine.port.QueuePort;
import dev.irctl.engine.port.RolePort;
import dev.irctl.engine.port.TrailPort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the alert path's adapters put on the wire, and how they read AWS's answers. */
class AlertPathAdaptersWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "111122223333";
  private static final String TOPIC = "arn:aws:sns:eu-west-1:" + ACCOUNT + ":irctl-alerts";
  private static final String QUEUE_URL =
      "https://sqs.eu-west-1.amazonaws.com/" + ACCOUNT + "/irctl-drill-abc";
  private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":irctl-drill-abc";

  private final WireMockAws aws = new WireMockAws();
  private final AlertPathPorts ports = aws.ports().alertPath();

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(
        SqsQueueAdapter.ACTIONS,
        SnsSubscriptionAdapter.ACTIONS,
        CloudWatchMetricsAdapter.ACTIONS,
        CloudTrailAdapter.ACTIONS,
        SampleFindingsAdapter.ACTIONS,
        LogGroupAdapter.ACTIONS,
        ForwarderRoleAdapter.ACTIONS,
        EventBridgeAdapter.DRILL_ACTIONS,
        EventBridgeAdapter.FORWARDING_ACTIONS);
    assertThat(aws.operations()).isNotEmpty();
  }

  private static MappingBuilder target(String target) {
    return WireMockAws.target(target);
  }

  private static MappingBuilder query(String action) {
    return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
  }

  private static ResponseDefinitionBuilder xml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
  }

  private JsonNode sentJson(String target) throws Exception {
    List<LoggedRequest> requests = aws.sentTo(target);
    assertThat(requests).hasSize(1);
    return JSON.readTree(requests.get(0).getBodyAsString());
  }

  private Map<String, String> sentForm(String action) {
    List<LoggedRequest> requests =
        aws.server()
            .findAll(
                postRequestedFor(urlEqualTo("/"))
                    .withRequestBody(containing("Action=" + action + "&")));
    assertThat(requests).hasSize(1);
    return new java.util.TreeMap<>(IamXml.form(requests.get(0).getBodyAsString()));
  }

  @Test
  void createQueueSendsPolicyAndTagsInOneCallAndReadsTheArn() throws Exception {
    aws.server()
        .stubFor(
            target("AmazonSQS.CreateQueue")
                .willReturn(okJson("{\"QueueUrl\":\"" + QUEUE_URL + "\"}")));
    aws.server()
        .stubFor(
            target("AmazonSQS.GetQueueAttributes")
                .willReturn(okJson("{\"Attributes\":{\"QueueArn\":\"" + QUEUE_ARN + "\"}}")));

    QueuePort.Queue queue =
        ports
            .queues("eu-west-1")
            .createQueue(
                "irctl-drill-abc", "{\"Version\":\"2012-10-17\"}", Map.of("managed-by", "irctl"));

    assertThat(queue).isEqualTo(new QueuePort.Queue(QUEUE_URL, QUEUE_ARN));
    JsonNode sent = sentJson("AmazonSQS.CreateQueue");
    assertThat(sent.path("QueueName").asText()).isEqualTo("irctl-drill-abc");
    assertThat(sent.path("Attributes").path("Policy").asText())
        .isEqualTo("{\"Version\":\"2012-10-17\"}");
    assertThat(sent.path("tags").path("managed-by").asText()).isEqualTo("irctl");
    assertThat(sentJson("AmazonSQS.GetQueueAttributes").path("AttributeNames").toString())
        .isEqualTo("[\"QueueArn\"]");
  }

  @Test
  void receiveLongPollsAtMostTwentySecondsForTenMessages() throws Exception {
    aws.server()
        .stubFor(
            target("AmazonSQS.ReceiveMessage")
                .willReturn(
                    okJson(
                        "{\"Messages\":[{\"MessageId\":\"m1\",\"ReceiptHandle\":\"r1\","
                            + "\"MD5OfBody\":\"f2e7ca721527f0b596ea1ab7b1185212\","
                            + "\"Body\":\"{\\\"source\\\":\\\"aws.guardduty\\\"}\"}]}")));

    List<String> bodies = ports.queues("eu-west-1").receive(QUEUE_URL, 45);

    assertThat(bodies).containsExactly("{\"source\":\"aws.guardduty\"}");
    JsonNode sent = sentJson("AmazonSQS.ReceiveMessage");
    assertThat(sent.path("WaitTimeSeconds").asInt()).isEqualTo(20);
    assertThat(sent.path("MaxNumberOfMessages").asInt()).isEqualTo(10);
    assertThat(sent.path("QueueUrl").asText()).isEqualTo(QUEUE_URL);
  }

  @Test
  void listQueuesReadsCreationTimeAndTagsByPrefix() throws Exception {
    aws.server()
        .stubFor(
            target("AmazonSQS.ListQueues")
                .willReturn(okJson("{\"QueueUrls\":[\"" + QUEUE_URL + "\"]}")));
    aws.server()
        .stubFor(
            target("AmazonSQS.GetQueueAttributes")
                .willReturn(
                    okJson(
                        "{\"Attributes\":{\"QueueArn\":\""
                            + QUEUE_ARN
                            + "\",\"CreatedTimestamp\":\"1767225600\"}}")));
    aws.server()
        .stubFor(
            target("AmazonSQS.ListQueueTags")
                .willReturn(okJson("{\"Tags\":{\"managed-by\":\"irctl\"}}")));

    List<QueuePort.QueueInfo> queues = ports.queues("eu-west-1").listQueues("irctl-drill-");

    assertThat(queues)
        .containsExactly(
            new QueuePort.QueueInfo(
                QUEUE_URL,
                QUEUE_ARN,
                Instant.ofEpochSecond(1767225600L),
                Map.of("managed-by", "irctl")));
    assertThat(queues.get(0).name()).isEqualTo("irctl-drill-abc");
    assertThat(sentJson("AmazonSQS.ListQueues").path("QueueNamePrefix").asText())
        .isEqualTo("irctl-drill-");
  }

  @Test
  void deletingAQueueThatIsAlreadyGoneIsNoError() {
    aws.server()
        .stubFor(
            target("AmazonSQS.DeleteQueue")
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withHeader(
                            "x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")
                        .withBody(
                            "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\","
                                + "\"message\":\"The specified queue does not exist.\"}")));

    assertThatCode(() -> ports.queues("eu-west-1").deleteQueue(QUEUE_URL))
        .doesNotThrowAnyException();
  }

  @Test
  void subscribeAsksForRawDeliveryAndTheSubscriptionArn() {
    aws.server()
        .stubFor(
            query("Subscribe")
                .willReturn(
                    xml(
                        "<SubscribeResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                            + "<SubscribeResult><SubscriptionArn>"
                            + TOPIC
                            + ":1234</SubscriptionArn></SubscribeResult>"
                            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                            + "</SubscribeResponse>")));

    String arn =
        ports
            .subscriptions("eu-west-1")
            .subscribe(TOPIC, "sqs", QUEUE_ARN, Map.of("RawMessageDelivery", "true"));

    assertThat(arn).isEqualTo(TOPIC + ":1234");
    Map<String, String> form = sentForm("Subscribe");
    assertThat(form)
        .containsEntry("TopicArn", TOPIC)
        .containsEntry("Protocol", "sqs")
        .containsEntry("Endpoint", QUEUE_ARN)
        .containsEntry("ReturnSubscriptionArn", "true")
        .containsEntry("Attributes.entry.1.key", "RawMessageDelivery")
        .containsEntry("Attributes.entry.1.value", "true");
  }

  @Test
  void getMetricDataAsksForFailedInvocationsOfEachRuleOnTheDefaultBusInOneCall() {
    aws.server()
        .stubFor(
            query("GetMetricData")
                .willReturn(
                    xml(
                        "<GetMetricDataResponse"
                            + " xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                            + "<GetMetricDataResult><MetricDataResults>"
                            + "<member><Id>r0</Id><Label>FailedInvocations</Label>"
                            + "<StatusCode>Complete</StatusCode>"
                            + "<Timestamps><member>2026-03-01T10:00:00Z</member>"
                            + "<member>2026-03-01T11:00:00Z</member></Timestamps>"
                            + "<Values><member>2.0</member><member>3.0</member></Values></member>"
                            + "<member><Id>r1</Id><Label>FailedInvocations</Label>"
                            + "<StatusCode>Complete</StatusCode><Timestamps/><Values/></member>"
                            + "</MetricDataResults></GetMetricDataResult>"
                            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                            + "</GetMetricDataResponse>")));
    Instant to = Instant.parse("2026-03-01T12:00:00Z");

    Map<String, Double> failed =
        ports
            .metrics("eu-west-1")
            .failedInvocations(List.of("irctl-a", "irctl-b"), to.minusSeconds(86400), to);

    assertThat(failed).containsExactly(Map.entry("irctl-a", 5.0));
    Map<String, String> form = sentForm("GetMetricData");
    String q = "MetricDataQueries.member.1.";
    assertThat(form)
        .containsEntry(q + "Id", "r0")
        .containsEntry(q + "MetricStat.Metric.Namespace", "AWS/Events")
        .containsEntry(q + "MetricStat.Metric.MetricName", "FailedInvocations")
        .containsEntry(q + "MetricStat.Metric.Dimensions.member.1.Name", "RuleName")
        .containsEntry(q + "MetricStat.Metric.Dimensions.member.1.Value", "irctl-a")
        .containsEntry(q + "MetricStat.Stat", "Sum")
        .containsEntry(
            "MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.1.Value", "irctl-b")
        .containsEntry("StartTime", "2026-02-28T12:00:00Z")
        .containsEntry("EndTime", "2026-03-01T12:00:00Z")
        // Only RuleName: a second dimension (EventBusName) would select a custom bus.
        .doesNotContainKey(q + "MetricStat.Metric.Dimensions.member.2.Name");
  }

  @Test
  void describeTrailsIncludesShadowTrailsAndReadsStatusAndAdvancedSelectors() throws Exception {
    String prefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    String trailArn = "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/org-trail";
    aws.server()
        .stubFor(
            target(prefix + "DescribeTrails")
                .willReturn(
                    okJson(
                        "{\"trailList\":[{\"Name\":\"org-trail\",\"TrailARN\":\""
                            + trailArn
                            + "\",\"HomeRegion\":\"us-east-1\",\"IsMultiRegionTrail\":true,"
                            + "\"IsOrganizationTrail\":true}]}")));
    aws.server()
        .stubFor(target(prefix + "GetTrailStatus").willReturn(okJson("{\"IsLogging\":true}")));
    aws.server()
        .stubFor(
            target(prefix + "GetEventSelectors")
                .willReturn(
                    okJson(
                        "{\"TrailARN\":\""
                            + trailArn
                            + "\",\"AdvancedEventSelectors\":[{\"Name\":\"honey\","
                            + "\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]},"
                            + "{\"Field\":\"resources.type\",\"Equals\":[\"AWS::S3::Object\"]},"
                            + "{\"Field\":\"resources.ARN\",\"StartsWith\":[\"arn:aws:s3:::honey/\"]}]}]}")));
    TrailPort trails = ports.trails("eu-west-1");

    assertThat(trails.trails())
        .containsExactly(new TrailPort.Trail("org-trail", trailArn, "us-east-1", true, true));
    assertThat(trails.isLogging(trailArn)).isTrue();
    TrailPort.EventSelectors selectors = trails.eventSelectors(trailArn);

    assertThat(selectors.selectors()).isEmpty();
    assertThat(selectors.advanced().get(0).fields())
        .contains(TrailPort.FieldSelector.startsWith("resources.ARN", "arn:aws:s3:::honey/"));
    assertThat(sentJson(prefix + "DescribeTrails").path("includeShadowTrails").asBoolean())
        .isTrue();
    assertThat(sentJson(prefix + "GetTrailStatus").path("Name").asText()).isEqualTo(trailArn);
  }

  @Test
  void createSampleFindingsSendsTheTypesToTheDetector() {
    aws.server()
        .stubFor(
            get(urlPathEqualTo("/detector")).willReturn(okJson("{\"detectorIds\":[\"d-1\"]}")));
    aws.server()
        .stubFor(post(urlEqualTo("/detector/d-1/findings/create")).willReturn(okJson("{}")));

    var guardDuty = ports.sampleFindings("eu-west-1");
    guardDuty.createSampleFindings(
        guardDuty.detectorId().orElseThrow(), List.of("Backdoor:EC2/C&CActivity.B"));

    aws.server()
        .verify(
            postRequestedFor(urlEqualTo("/detector/d-1/findings/create"))
                .withRequestBody(
                    equalToJson("{\"findingTypes\":[\"Backdoor:EC2/C&CActivity.B\"]}")));
  }

  @Test
  void testEventPatternSendsPatternAndEventAndReadsTheResult() throws Exception {
    aws.server()
        .stubFor(target("AWSEvents.TestEventPattern").willReturn(okJson("{\"Result\":true}")));

    boolean result =
        aws.ports()
            .eventBridge("eu-west-1")
            .testEventPattern("{\"source\":[\"aws.iam\"]}", "{\"source\":\"aws.iam\"}");

    assertThat(result).isTrue();
    JsonNode sent = sentJson("AWSEvents.TestEventPattern");
    assertThat(sent.path("EventPattern").asText()).isEqualTo("{\"source\":[\"aws.iam\"]}");
    assertThat(sent.path("Event").asText()).isEqualTo("{\"source\":\"aws.iam\"}");
  }

  @Test
  void testEventPatternWithoutAResultIsAnErrorNamingTheAction() {
    aws.server().stubFor(target("AWSEvents.TestEventPattern").willReturn(okJson("{}")));

    assertThatThrownBy(
            () ->
                aws.ports()
                    .eventBridge("eu-west-1")
                    .testEventPattern("{\"source\":[\"aws.iam\"]}", "{\"source\":\"aws.iam\"}"))
        .isInstanceOf(dev.irctl.engine.port.AwsCallException.class)
        .hasMessageContaining("events:TestEventPattern")
        .hasMessageContaining("no Result");
  }

  @Test
  void putBusTargetSendsTheHubBusWithTheForwarderRole() throws Exception {
    aws.server()
        .stubFor(
            target("AWSEvents.PutTargets")
                .willReturn(okJson("{\"FailedEntryCount\":0,\"FailedEntries\":[]}")));
    String hubBus = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default";
    String role = "arn:aws:iam::" + ACCOUNT + ":role/irctl-event-forwarder";

    aws.ports()
        .eventBridge("eu-west-1")
        .putBusTarget(
            "default",
            "irctl-iam-mfa-deactivated",
            new EventBridgePort.BusTarget("irctl-hub", hubBus, role));

    JsonNode sent = sentJson("AWSEvents.PutTargets");
    assertThat(sent.path("EventBusName").asText()).isEqualTo("default");
    assertThat(sent.path("Rule").asText()).isEqualTo("irctl-iam-mfa-deactivated");
    assertThat(sent.path("Targets"))
        .hasSize(1)
        .first()
        .satisfies(
            t -> {
              assertThat(t.path("Id").asText()).isEqualTo("irctl-hub");
              assertThat(t.path("Arn").asText()).isEqualTo(hubBus);
              assertThat(t.path("RoleArn").asText()).isEqualTo(role);
            });
  }

  @Test
  void aRejectedBusTargetIsAFailureCarryingAwsWords() {
    aws.server()
        .stubFor(
            target("AWSEvents.PutTargets")
                .willReturn(
                    okJson(
                        "{\"FailedEntryCount\":1,\"FailedEntries\":[{\"TargetId\":\"irctl-hub\","
                            + "\"ErrorCode\":\"ValidationException\","
                            + "\"ErrorMessage\":\"RoleArn is required for target\"}]}")));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                aws.ports()
                    .eventBridge("eu-west-1")
                    .putBusTarget(
                        "default",
                        "irctl-x",
                        new EventBridgePort.BusTarget(
                            "irctl-hub",
                            "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default",
                            "arn:aws:iam::" + ACCOUNT + ":role/irctl-event-forwarder")))
        .isInstanceOf(dev.irctl.engine.port.AwsCallException.class)
        .hasMessageContaining("irctl-hub: ValidationException: RoleArn is required for target");
  }

  @Test
  void targetRoutesReadRoleAndDeadLetterQueue() {
    aws.server()
        .stubFor(
            target("AWSEvents.ListTargetsByRule")
                .willReturn(
                    okJson(
                        "{\"Targets\":[{\"Id\":\"irctl-sns\",\"Arn\":\""
                            + TOPIC
                            + "\",\"DeadLetterConfig\":{\"Arn\":\""
                            + QUEUE_ARN
                            + "\"}},{\"Id\":\"irctl-hub\",\"Arn\":\"arn:aws:events:us-east-1:"
                            + ACCOUNT
                            + ":event-bus/default\",\"RoleArn\":\"arn:aws:iam::"
                            + ACCOUNT
                            + ":role/irctl-event-forwarder\"}]}")));

    List<EventBridgePort.TargetRoute> routes =
        aws.ports().eventBridge("eu-west-1").targetRoutes("default", "irctl-x");

    assertThat(routes.get(0).deadLetterArn()).contains(QUEUE_ARN);
    assertThat(routes.get(0).roleArn()).isEmpty();
    assertThat(routes.get(1).roleArn())
        .contains("arn:aws:iam::" + ACCOUNT + ":role/irctl-event-forwarder");
    assertThat(routes.get(1).deadLetterArn()).isEmpty();
  }

  @Test
  void forwarderRoleIsCreatedWithTrustAndTagsAndReadBackDecoded() {
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    String roleXml =
        "<Role><Path>/</Path><RoleName>irctl-event-forwarder</RoleName><RoleId>AROAEXAMPLE</RoleId>"
            + "<Arn>arn:aws:iam::"
            + ACCOUNT
            + ":role/irctl-event-forwarder</Arn><CreateDate>2026-03-01T12:00:00Z</CreateDate>"
            + "<AssumeRolePolicyDocument>"
            + URLEncoder.encode(trust, StandardCharsets.UTF_8)
            + "</AssumeRolePolicyDocument>"
            + "<Tags><member><Key>managed-by</Key><Value>irctl</Value></member></Tags></Role>";
    aws.server()
        .stubFor(query("CreateRole").willReturn(xml(IamXml.response("CreateRole", roleXml))));
    aws.server().stubFor(query("GetRole").willReturn(xml(IamXml.response("GetRole", roleXml))));
    aws.server().stubFor(query("PutRolePolicy").willReturn(xml(IamXml.empty("PutRolePolicy"))));
    RolePort roles = ports.roles();

    String arn =
        roles.createRole(
            "irctl-event-forwarder", trust, "irctl forwards events", Map.of("managed-by", "irctl"));
    Optional<RolePort.Role> role = roles.role("irctl-event-forwarder");
    roles.putRolePolicy(
        "irctl-event-forwarder", "irctl-put-events", "{\"Version\":\"2012-10-17\"}");

    assertThat(arn).endsWith(":role/irctl-event-forwarder");
    assertThat(role.orElseThrow().trustPolicy()).isEqualTo(trust);
    assertThat(role.get().tags()).containsEntry("managed-by", "irctl");
    assertThat(sentForm("CreateRole"))
        .containsEntry("AssumeRolePolicyDocument", trust)
        .containsEntry("Tags.member.1.Key", "managed-by")
        .containsEntry("Tags.member.1.Value", "irctl");
    assertThat(sentForm("PutRolePolicy"))
        .containsEntry("PolicyName", "irctl-put-events")
        .containsEntry("PolicyDocument", "{\"Version\":\"2012-10-17\"}");
  }

  @Test
  void logGroupIsCreatedWithTagsRetentionAndAResourcePolicy() throws Exception {
    aws.server().stubFor(target("Logs_20140328.CreateLogGroup").willReturn(okJson("{}")));
    aws.server().stubFor(target("Logs_20140328.PutRetentionPolicy").willReturn(okJson("{}")));
    aws.server()
        .stubFor(
            target("Logs_20140328.PutResourcePolicy")
                .willReturn(okJson("{\"resourcePolicy\":{\"policyName\":\"irctl-events\"}}")));
    aws.server()
        .stubFor(
            target("Logs_20140328.DescribeLogGroups")
                .willReturn(
                    okJson(
                        "{\"logGroups\":[{\"logGroupName\":\"/irctl/alert-path-old\"},"
                            + "{\"logGroupName\":\"/irctl/alert-path\",\"retentionInDays\":365,"
                            + "\"arn\":\"arn:aws:logs:eu-west-1:"
                            + ACCOUNT
                            + ":log-group:/irctl/alert-path:*\"}]}")));
    LogGroupPort logs = ports.logGroups("eu-west-1");

    logs.createLogGroup("/irctl/alert-path", Map.of("managed-by", "irctl"));
    logs.putRetention("/irctl/alert-path", 365);
    logs.putResourcePolicy("irctl-events", "{\"Version\":\"2012-10-17\"}");
    Optional<LogGroupPort.LogGroup> group = logs.logGroup("/irctl/alert-path");

    assertThat(group)
        .contains(
            new LogGroupPort.LogGroup(
                "/irctl/alert-path",
                "arn:aws:logs:eu-west-1:" + ACCOUNT + ":log-group:/irctl/alert-path",
                Optional.of(365)));
    assertThat(sentJson("Logs_20140328.CreateLogGroup").path("tags").path("managed-by").asText())
        .isEqualTo("irctl");
    assertThat(sentJson("Logs_20140328.PutRetentionPolicy").path("retentionInDays").asInt())
        .isEqualTo(365);
    assertThat(sentJson("Logs_20140328.PutResourcePolicy").path("policyName").asText())
        .isEqualTo("irctl-events");
  }

  @Test
  void logGroupTagsAndEveryPageOfResourcePoliciesAreRead() throws Exception {
    String arn = "arn:aws:logs:eu-west-1:" + ACCOUNT + ":log-group:/irctl/alert-path";
    aws.server()
        .stubFor(
            target("Logs_20140328.ListTagsForResource")
                .willReturn(okJson("{\"tags\":{\"managed-by\":\"irctl\"}}")));
    aws.server()
        .stubFor(
            target("Logs_20140328.DescribeResourcePolicies")
                .withRequestBody(notContaining("nextToken"))
                .willReturn(
                    okJson(
                        "{\"resourcePolicies\":[{\"policyName\":\"theirs\","
                            + "\"policyDocument\":\"{}\"}],\"nextToken\":\"p2\"}")));
    aws.server()
        .stubFor(
            target("Logs_20140328.DescribeResourcePolicies")
                .withRequestBody(containing("\"nextToken\":\"p2\""))
                .willReturn(
                    okJson(
                        "{\"resourcePolicies\":[{\"policyName\":\"irctl-events\","
                            + "\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\"}\"}]}")));
    LogGroupPort logs = ports.logGroups("eu-west-1");

    assertThat(logs.tags(arn)).containsExactly(Map.entry("managed-by", "irctl"));
    assertThat(logs.resourcePolicies())
        .containsExactly(
            Map.entry("irctl-events", "{\"Version\":\"2012-10-17\"}"), Map.entry("theirs", "{}"));
    assertThat(sentJson("Logs_20140328.ListTagsForResource").path("resourceArn").asText())
        .isEqualTo(arn);
  }
}
