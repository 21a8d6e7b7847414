package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CloudTrailEnvelopeTest {
  @Test
  void sourceIsAwsDotTheServicePartOfEventSource() {
    assertThat(CloudTrailEnvelope.source("iam.amazonaws.com")).isEqualTo("aws.iam");
    assertThat(CloudTrailEnvelope.source("signin.amazonaws.com")).isEqualTo("aws.signin");
    assertThat(CloudTrailEnvelope.source("monitoring.amazonaws.com")).isEqualTo("aws.monitoring");
  }

  @Test
  void apiCallIsWrappedWithAccountRegionTimeAndTheRecordAsDetail() {
    ObjectNode record = TestEvents.record("iam.amazonaws.com", "CreateAccessKey");

    ObjectNode envelope = CloudTrailEnvelope.wrap(record);

    assertThat(envelope.path("version").asText()).isEqualTo("0");
    assertThat(envelope.path("id").asText()).isEqualTo("ev-1");
    assertThat(envelope.path("detail-type").asText()).isEqualTo("AWS API Call via CloudTrail");
    assertThat(envelope.path("source").asText()).isEqualTo("aws.iam");
    assertThat(envelope.path("account").asText()).isEqualTo("111122223333");
    assertThat(envelope.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(envelope.path("time").asText()).isEqualTo("2025-03-01T12:00:00Z");
    assertThat(envelope.path("resources").isArray()).isTrue();
    assertThat(envelope.get("detail")).isSameAs(record);
  }

  @Test
  void consoleSignInEventsGetTheSignInDetailType() {
    ObjectNode login =
        TestEvents.record("signin.amazonaws.com", "ConsoleLogin")
            .put("eventType", "AwsConsoleSignIn");
    ObjectNode mfa =
        TestEvents.record("signin.amazonaws.com", "CheckMfa").put("eventType", "AwsConsoleSignIn");
    ObjectNode oldLogin = TestEvents.record("signin.amazonaws.com", "ConsoleLogin");
    oldLogin.remove("eventType");

    assertThat(CloudTrailEnvelope.wrap(login).path("detail-type").asText())
        .isEqualTo("AWS Console Sign In via CloudTrail");
    assertThat(CloudTrailEnvelope.wrap(login).path("source").asText()).isEqualTo("aws.signin");
    assertThat(CloudTrailEnvelope.wrap(mfa).path("detail-type").asText())
        .isEqualTo("AWS Console Sign In via CloudTrail");
    assertThat(CloudTrailEnvelope.wrap(oldLogin).path("detail-type").asText())
        .isEqualTo("AWS Console Sign In via CloudTrail");
  }

  @Test
  void serviceEventsAndConsoleActionsGetTheirOwnDetailTypes() {
    ObjectNode rotation =
        TestEvents.record("kms.amazonaws.com", "RotateKey").put("eventType", "AwsServiceEvent");
    ObjectNode action =
        TestEvents.record("s3.amazonaws.com", "X").put("eventType", "AwsConsoleAction");

    assertThat(CloudTrailEnvelope.wrap(rotation).path("detail-type").asText())
        .isEqualTo("AWS Service Event via CloudTrail");
    assertThat(CloudTrailEnvelope.wrap(action).path("detail-type").asText())
        .isEqualTo("AWS Console Action via CloudTrail");
  }

  @Test
  void recognisesBareRecordsButNotEnvelopes() {
    assertThat(CloudTrailEnvelope.isRecord(TestEvents.record("iam.amazonaws.com", "CreateUser")))
        .isTrue();
    assertThat(CloudTrailEnvelope.isRecord(TestEvents.apiCall("iam.amazonaws.com", "CreateUser")))
        .isFalse();
    assertThat(CloudTrailEnvelope.isRecord(TestEvents.guardDutyFinding(5))).isFalse();
  }
}
