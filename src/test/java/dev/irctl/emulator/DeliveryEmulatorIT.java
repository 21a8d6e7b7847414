package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * doctor and drill against moto after apply-rules in two regions: the SNS, CloudWatch and
 * CloudTrail reads run for real, and the drill's queue comes and goes. Where moto 5.2 differs from
 * AWS (email subscriptions confirmed at once, no CreateSampleFindings, TestEventPattern without a
 * Result) the test pins the difference. One scenario, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryEmulatorIT extends EmulatorTier {
  static final String HOME = "eu-west-1";
  static final String OTHER = "us-east-1";
  static final String REGIONS = HOME + "," + OTHER;
  static final String TOPIC = "irctl-alerts";

  @Test
  @Order(1)
  void doctorAfterApplyFindsNoTrailInEitherRegionAndReadsMetricsForReal() throws Exception {
    ok(
        "apply-rules",
        "--region",
        REGIONS,
        "--exclude",
        HONEY_BUCKET,
        "--subscribe",
        "email:soc@example.com");
    // The topic policy apply-rules wrote lets EventBridge publish: doctor has nothing to say on it.
    for (String region : List.of(HOME, OTHER)) {
      String policy = emulator.topicPolicy(region, topicArn(region));
      assertThat(policy).as(region).contains("events.amazonaws.com").contains("sns:Publish");
    }

    Irctl.Result text = irctl("doctor", "--region", REGIONS, "--exclude", HONEY_BUCKET);

    assertThat(text.exitCode()).as("%s", text).isEqualTo(2);
    assertThat(text.out())
        .contains("no CloudTrail trail is logging in " + HOME)
        .contains("no CloudTrail trail is logging in " + OTHER)
        .contains("2 regions: ")
        .contains("0 could not be read");
    assertThat(calls("GetMetricData")).as("CloudWatch reads per region").isEqualTo(2);
    assertThat(calls("GetTopicAttributes")).isPositive();
    assertThat(calls("DescribeTrails")).isEqualTo(2);
    assertThat(proxy.writes()).as("doctor is read-only").isEmpty();

    JsonNode json = doctorJson(2);
    assertThat(json.path("outcome").asText()).isEqualTo("findings");
    for (JsonNode region : json.path("regions")) {
      assertThat(region.path("error").isNull()).as("%s", region).isTrue();
      assertThat(kinds(region))
          .as(region.path("region").asText())
          .contains("NO_TRAIL_LOGGING")
          .doesNotContain(
              "TOPIC_MISSING",
              "TOPIC_POLICY_DENIES_EVENTBRIDGE",
              "FAILED_INVOCATIONS",
              // moto confirms an email subscription at once; AWS leaves it pending until the
              // link is clicked (DoctorTest covers SUBSCRIPTIONS_PENDING with fakes).
              "SUBSCRIPTIONS_PENDING",
              "NO_CONFIRMED_SUBSCRIPTION");
    }
  }

  @Test
  @Order(2)
  void aRegionWithoutSubscriptionsIsNamedAndATopicPolicyWithoutEventBridgeIsFound()
      throws Exception {
    for (Subscription s :
        emulator
            .sns(OTHER)
            .listSubscriptionsByTopic(r -> r.topicArn(topicArn(OTHER)))
            .subscriptions()) {
      emulator.sns(OTHER).unsubscribe(r -> r.subscriptionArn(s.subscriptionArn()));
    }
    String denyAll =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + Emulator.ACCOUNT
            + "\"},\"Action\":\"sns:Publish\",\"Resource\":\""
            + topicArn(HOME)
            + "\"}]}";
    emulator
        .sns(HOME)
        .setTopicAttributes(
            r -> r.topicArn(topicArn(HOME)).attributeName("Policy").attributeValue(denyAll));

    JsonNode json = doctorJson(2);

    assertThat(kinds(region(json, OTHER))).contains("NO_CONFIRMED_SUBSCRIPTION");
    assertThat(kinds(region(json, HOME)))
        .contains("TOPIC_POLICY_DENIES_EVENTBRIDGE")
        .doesNotContain("NO_CONFIRMED_SUBSCRIPTION");
    // Put back what apply-rules owns for the next steps.
    ok("apply-rules", "--region", HOME, "--exclude", HONEY_BUCKET);
  }

  @Test
  @Order(3)
  void aLoggingMultiRegionTrailClearsTheTrailFindingInBothRegions() throws Exception {
    createBucket("irctl-test-trail-logs");
    CloudTrailClient trail = emulator.cloudTrail(HOME);
    trail.createTrail(
        r ->
            r.name("org-trail")
                .s3BucketName("irctl-test-trail-logs")
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true));
    // A trail created but not started logs nothing: the finding stays.
    assertThat(kinds(region(doctorJson(2), OTHER))).contains("NO_TRAIL_LOGGING");
    trail.startLogging(r -> r.name("org-trail"));

    JsonNode json = doctorJson(2);

    for (JsonNode region : json.path("regions")) {
      assertThat(kinds(region))
          .as(region.path("region").asText())
          .doesNotContain("NO_TRAIL_LOGGING");
    }
  }

  @Test
  @Order(4)
  void drillWithoutADetectorFailsTheRegionAndCreatesNothing() throws Exception {
    Irctl.Result result = drill();

    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.out()).contains("failed: GuardDuty has no detector in " + HOME);
    assertThat(result.err()).contains("this will notify: email:soc@example.com");
    assertThat(calls("CreateQueue")).isZero();
  }

  @Test
  @Order(5)
  void drillCreatesItsQueueAndRawSubscriptionThenRemovesBothWhenMotoLacksSampleFindings()
      throws Exception {
    ok("enable-guardduty", "--region", HOME);
    List<String> before = subscriptions(HOME);

    Irctl.Result result = drill();

    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    // moto 5.2 has no CreateSampleFindings: the region fails with the operation named.
    assertThat(result.out()).contains("failed:").contains("guardduty:CreateSampleFindings");
    // moto's TestEventPattern answers without a Result: said as such, not a NullPointerException.
    assertThat(result.out())
        .contains(
            "TestEventPattern failed: events:TestEventPattern failed: the answer has no Result")
        .doesNotContain("booleanValue");
    assertThat(calls("CreateQueue")).isEqualTo(1);
    assertThat(calls("Subscribe")).isEqualTo(1);
    assertThat(calls("Unsubscribe")).isEqualTo(1);
    assertThat(calls("DeleteQueue")).isEqualTo(1);
    assertThat(emulator.sqs(HOME).listQueues(r -> r.queueNamePrefix("irctl-drill-")).queueUrls())
        .as("drill queues left")
        .isEmpty();
    assertThat(subscriptions(HOME)).as("subscriptions after the drill").isEqualTo(before);
  }

  private Irctl.Result drill() throws Exception {
    return irctl(
        "drill", "--region", HOME, "--exclude", HONEY_BUCKET, "--timeout", "5s", "--auto-approve");
  }

  private JsonNode doctorJson(int exitCode) throws Exception {
    Irctl.Result result =
        irctl("doctor", "--region", REGIONS, "--exclude", HONEY_BUCKET, "--output", "json");
    assertThat(result.exitCode()).as("%s", result).isEqualTo(exitCode);
    return JSON.readTree(result.out());
  }

  private static JsonNode region(JsonNode json, String name) {
    for (JsonNode region : json.path("regions")) {
      if (region.path("region").asText().equals(name)) {
        return region;
      }
    }
    throw new AssertionError(name + " not in " + json);
  }

  private static List<String> kinds(JsonNode region) {
    List<String> kinds = new ArrayList<>();
    region.path("findings").forEach(f -> kinds.add(f.path("kind").asText()));
    return kinds;
  }

  private long calls(String operation) {
    // CloudWatch speaks RPCv2 CBOR: the proxy names its calls by path, ending in the operation.
    return proxy.calls().stream()
        .filter(c -> c.operation().equals(operation) || c.operation().endsWith("/" + operation))
        .count();
  }

  private List<String> subscriptions(String region) {
    return emulator
        .sns(region)
        .listSubscriptionsByTopic(r -> r.topicArn(topicArn(region)))
        .subscriptions()
        .stream()
        .map(s -> s.protocol() + ":" + s.endpoint())
        .sorted()
        .toList();
  }

  private static String topicArn(String region) {
    return "arn:aws:sns:" + region + ":" + Emulator.ACCOUNT + ":" + TOPIC;
  }

  /**
   * CloudTrail needs the bucket to exist; the build has no S3 client, so one path-style PUT whose
   * credential scope names s3 (moto routes by it and checks no signature).
   */
  private void createBucket(String name) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/" + name))
                    .timeout(Duration.ofSeconds(30))
                    .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request,"
                            + " SignedHeaders=host, Signature=0")
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("PUT bucket %s: %s", name, response.body()).isEqualTo(200);
  }
}
