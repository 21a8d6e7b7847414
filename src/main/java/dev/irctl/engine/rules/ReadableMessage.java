package dev.irctl.engine.rules;

import dev.irctl.engine.port.InputTransformer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input transformer behind {@code --message-format readable}: one short message for people
 * reading email instead of the whole event. The title and severity come from the catalog and are
 * written into the template; the rest is read from the event. Paths that an event lacks (a
 * GuardDuty finding has no eventName) come out empty.
 */
public final class ReadableMessage {
  private ReadableMessage() {}

  public static InputTransformer transformer(DesiredRule rule) {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("account", "$.account");
    paths.put("region", "$.region");
    paths.put("time", "$.time");
    paths.put("eventName", "$.detail.eventName");
    paths.put("principal", "$.detail.userIdentity.arn");
    paths.put("sourceIp", "$.detail.sourceIPAddress");
    // A JSON string template: EventBridge escapes the values it substitutes, and SNS delivers the
    // text.
    String template =
        "\""
            + text(rule.title())
            + " (severity "
            + text(rule.severity())
            + ")\\n"
            + "Rule: "
            + text(rule.name())
            + "\\nAccount: <account>\\nRegion: <region>\\nEvent: <eventName>\\nPrincipal: <principal>"
            + "\\nSource IP: <sourceIp>\\nTime: <time>\"";
    return new InputTransformer(paths, template);
  }

  /**
   * Catalog text inside the JSON string template: quotes and backslashes escaped, angle brackets
   * (placeholders) dropped.
   */
  private static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("<", "")
        .replace(">", "")
        .replace("\n", " ");
  }
}
