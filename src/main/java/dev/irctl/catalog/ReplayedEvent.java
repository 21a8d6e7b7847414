package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What {@code rules match} reports for one event: its time, source and name as the EventBridge
 * envelope has them, and the rules that would fire. Only this much of an event outlives its match,
 * so a long replay holds no trees.
 *
 * @param time the envelope's {@code time}, null when missing or JSON null
 * @param source the envelope's {@code source}, null when missing or JSON null
 * @param name the CloudTrail event name, else the detail-type (findings and other events), else
 *     {@code -}
 * @param ruleIds the rules that fire, sorted
 */
public record ReplayedEvent(String time, String source, String name, List<String> ruleIds) {
  public ReplayedEvent {
    ruleIds = List.copyOf(ruleIds);
  }

  /** For an envelope (as {@link EventReader} returns it) and the rules it fires. */
  static ReplayedEvent of(JsonNode event, List<String> ruleIds) {
    return new ReplayedEvent(
        text(event.path("time")), text(event.path("source")), name(event), ruleIds);
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static String name(JsonNode event) {
    JsonNode name = event.path("detail").path("eventName");
    return name.isTextual() ? name.textValue() : event.path("detail-type").asText("-");
  }
}
