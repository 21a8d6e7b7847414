package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Events for tests: CloudTrail records and the EventBridge envelopes around them. */
public final class TestEvents {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final String ACCOUNT = "111122223333";

  private TestEvents() {}

  public static JsonNode json(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode object(String json) {
    return (ObjectNode) json(json);
  }

  /** A bare CloudTrail record of an API call, as found in a trail's log file. */
  public static ObjectNode record(String eventSource, String eventName) {
    return object(
        """
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice",
         "accountId":"111122223333","userName":"alice"},"eventTime":"2025-03-01T12:00:00Z","eventSource":"%s",
         "eventName":"%s","awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.7","userAgent":"aws-cli/2",
         "requestParameters":{},"responseElements":null,"eventID":"ev-1","readOnly":false,"eventType":"AwsApiCall",
         "managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}
        """
            .formatted(eventSource, eventName));
  }

  /** The envelope EventBridge delivers for an API call. */
  public static ObjectNode apiCall(String eventSource, String eventName) {
    return CloudTrailEnvelope.wrap(record(eventSource, eventName));
  }

  public static ObjectNode guardDutyFinding(double severity) {
    return object(
        """
        {"version":"0","id":"gd-1","detail-type":"GuardDuty Finding","source":"aws.guardduty","account":"111122223333",
         "time":"2025-03-01T12:00:00Z","region":"eu-west-1","resources":[],
         "detail":{"schemaVersion":"2.0","type":"Recon:EC2/PortProbeUnprotectedPort","severity":%s}}
        """
            .formatted(severity));
  }
}
