package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code managementEvents: write} rule never sees read-only management events, so a rule that
 * needs them must say {@code all}. Evidence from the rule's own match examples (readOnly management
 * records) is an error; an event name that merely looks read-only is a warning, because data events
 * such as S3 GetObject are read-only too but reach the rule either way.
 */
final class ManagementEventsCheck {
  private static final List<String> READ_ONLY_PREFIXES =
      List.of("Get", "List", "Describe", "Head", "Lookup", "BatchGet");

  /** S3 object-level calls are data events, delivered regardless of the rule state. */
  private static final Set<String> S3_DATA_EVENTS =
      Set.of(
          "GetObject",
          "GetObjectAcl",
          "GetObjectAttributes",
          "GetObjectLegalHold",
          "GetObjectRetention",
          "GetObjectTagging",
          "GetObjectTorrent",
          "HeadObject",
          "ListObjects",
          "ListObjectsV2",
          "ListObjectVersions",
          "ListParts",
          "ListMultipartUploads",
          "SelectObjectContent");

  private final Rule rule;
  private final ObjectNode pattern;
  private final List<Finding> findings;

  ManagementEventsCheck(Rule rule, ObjectNode pattern, List<Finding> findings) {
    this.rule = rule;
    this.pattern = pattern;
    this.findings = findings;
  }

  void run() {
    if (rule.managementEvents() == ManagementEvents.ALL) {
      return;
    }
    List<JsonNode> matches = rule.examples().match();
    for (int i = 0; i < matches.size(); i++) {
      if (EventDelivery.isReadOnlyManagementEvent(matches.get(i))) {
        findings.add(
            Finding.error(
                rule,
                "match example "
                    + (i + 1)
                    + " ("
                    + matches.get(i).path("detail").path("eventName").asText()
                    + ") is a read-only management event, which EventBridge delivers only to rules in state"
                    + " ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; set \"managementEvents\": \"all\"."));
      }
    }
    boolean s3 =
        CatalogValidator.literals(pattern, "source")
            .map(s -> s.equals(List.of("aws.s3")))
            .orElse(false);
    for (String name : eventNames()) {
      if (looksReadOnly(name) && !(s3 && S3_DATA_EVENTS.contains(name))) {
        findings.add(
            Finding.warning(
                rule,
                "the pattern matches "
                    + name
                    + ", which looks read-only; EventBridge delivers"
                    + " read-only management events only with \"managementEvents\": \"all\" (ignore this if it is a data event)."));
      }
    }
  }

  /** Literal event names and prefixes at detail.eventName. */
  private List<String> eventNames() {
    List<String> names = new ArrayList<>();
    for (JsonNode element : pattern.path("detail").path("eventName")) {
      if (element.isTextual()) {
        names.add(element.textValue());
      } else if (element.path("prefix").isTextual()) {
        names.add(element.path("prefix").textValue());
      }
    }
    return names;
  }

  private static boolean looksReadOnly(String name) {
    return READ_ONLY_PREFIXES.stream()
        .anyMatch(
            prefix ->
                name.startsWith(prefix)
                    && (name.length() == prefix.length()
                        || Character.isUpperCase(name.charAt(prefix.length()))));
  }
}
