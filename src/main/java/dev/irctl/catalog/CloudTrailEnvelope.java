package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a raw CloudTrail record (from a trail's log file or Event History) into the envelope
 * EventBridge delivers for it, so a recorded incident can be replayed against the catalog. From the
 * EventBridge User Guide ("AWS service events delivered via AWS CloudTrail") and its per-service
 * event reference:
 *
 * <ul>
 *   <li>{@code source} is {@code aws.} plus the service part of {@code eventSource}: {@code
 *       iam.amazonaws.com} → {@code aws.iam}, {@code signin.amazonaws.com} → {@code aws.signin},
 *       {@code monitoring.amazonaws.com} → {@code aws.monitoring};
 *   <li>{@code detail-type} follows the record's {@code eventType}: {@code AwsApiCall} → "AWS API
 *       Call via CloudTrail", {@code AwsConsoleSignIn} (ConsoleLogin, CheckMfa, SwitchRole, ...) →
 *       "AWS Console Sign In via CloudTrail", {@code AwsConsoleAction} → "AWS Console Action via
 *       CloudTrail", {@code AwsServiceEvent} → "AWS Service Event via CloudTrail", Insights events
 *       → "AWS Insight via CloudTrail";
 *   <li>{@code account} is {@code recipientAccountId}, {@code region} is {@code awsRegion}, {@code
 *       time} is {@code eventTime}, {@code id} is the record's {@code eventID}, and {@code detail}
 *       is the record itself.
 * </ul>
 */
public final class CloudTrailEnvelope {
  public static final String API_CALL = "AWS API Call via CloudTrail";
  public static final String CONSOLE_SIGN_IN = "AWS Console Sign In via CloudTrail";
  public static final String CONSOLE_ACTION = "AWS Console Action via CloudTrail";
  public static final String SERVICE_EVENT = "AWS Service Event via CloudTrail";
  public static final String INSIGHT = "AWS Insight via CloudTrail";

  private static final String AMAZONAWS_SUFFIX = ".amazonaws.com";

  /** More than AWS has services; a bound so that odd input cannot grow it without end. */
  private static final int MAX_SOURCES = 4096;

  private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();

  private CloudTrailEnvelope() {}

  /** A bare CloudTrail record: no envelope yet, but the fields every record has. */
  public static boolean isRecord(JsonNode node) {
    return node.isObject()
        && !node.has("detail-type")
        && node.path("eventSource").isTextual()
        && node.path("eventName").isTextual();
  }

  /** The EventBridge envelope for this record. The record becomes {@code detail} without a copy. */
  public static ObjectNode wrap(JsonNode record) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("version", "0");
    envelope.put("id", record.path("eventID").asText(""));
    envelope.put("detail-type", detailType(record));
    envelope.put("source", source(record.path("eventSource").asText("")));
    envelope.put(
        "account",
        record
            .path("recipientAccountId")
            .asText(record.path("userIdentity").path("accountId").asText("")));
    envelope.put("time", record.path("eventTime").asText(""));
    envelope.put("region", record.path("awsRegion").asText(""));
    envelope.putArray("resources");
    envelope.set("detail", record);
    return envelope;
  }

  /** {@code iam.amazonaws.com} → {@code aws.iam}. */
  public static String source(String eventSource) {
    // A replay asks for the same few hundred services a hundred thousand times.
    String known = SOURCES.get(eventSource);
    if (known != null) {
      return known;
    }
    String source = sourceOf(eventSource);
    if (SOURCES.size() < MAX_SOURCES) {
      SOURCES.put(eventSource, source);
    }
    return source;
  }

  private static String sourceOf(String eventSource) {
    String service =
        eventSource.endsWith(AMAZONAWS_SUFFIX)
            ? eventSource.substring(0, eventSource.length() - AMAZONAWS_SUFFIX.length())
            : eventSource;
    return "aws." + service;
  }

  /** The detail-type EventBridge gives this record, from its {@code eventType}. */
  public static String detailType(JsonNode record) {
    return detailType(record.path("eventType").asText(""), record.path("eventName").asText());
  }

  /** The same from the record's {@code eventType} and {@code eventName} ("" when missing). */
  static String detailType(String eventType, String eventName) {
    switch (eventType) {
      case "AwsConsoleSignIn":
        return CONSOLE_SIGN_IN;
      case "AwsConsoleAction":
        return CONSOLE_ACTION;
      case "AwsServiceEvent":
        return SERVICE_EVENT;
      case "AwsCloudTrailInsight":
        return INSIGHT;
      case "AwsApiCall":
        return API_CALL;
      default:
        // Old exports may omit eventType; ConsoleLogin is the sign-in event everyone replays.
        return "ConsoleLogin".equals(eventName) ? CONSOLE_SIGN_IN : API_CALL;
    }
  }
}
