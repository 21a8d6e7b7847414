package dev.irctl.engine.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * Recognises the drill's sample finding in what the queue receives: the raw EventBridge event (raw
 * delivery), the same inside an SNS envelope, or irctl's readable text.
 */
final class SampleMarker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleMarker() {}

  /** Whether {@code body} is a GuardDuty finding of {@code findingType} marked as a sample. */
  static boolean carries(String body, String findingType) {
    JsonNode event = parse(body);
    if (event == null) {
      // The readable format is text: it names the finding type and says it is a sample.
      String text = body.toLowerCase(Locale.ROOT);
      return text.contains(findingType.toLowerCase(Locale.ROOT)) && text.contains("sample");
    }
    if ("Notification".equals(event.path("Type").asText()) && event.has("Message")) {
      return carries(event.path("Message").asText(), findingType);
    }
    JsonNode detail = event.path("detail");
    return "aws.guardduty".equals(event.path("source").asText())
        && findingType.equals(detail.path("type").asText())
        && sampleMarked(detail.path("service").path("additionalInfo"));
  }

  /**
   * EventBridge shows {@code additionalInfo} as {@code {"sample": true}}; the API shape is {@code
   * {"type": "default", "value": "{\"sample\":true}"}}. Both count.
   */
  private static boolean sampleMarked(JsonNode additionalInfo) {
    if (additionalInfo.path("sample").asBoolean(false)) {
      return true;
    }
    JsonNode value = parse(additionalInfo.path("value").asText(""));
    return value != null && value.path("sample").asBoolean(false);
  }

  private static JsonNode parse(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return JSON.readTree(trimmed);
    } catch (IOException e) {
      return null;
    }
  }
}
