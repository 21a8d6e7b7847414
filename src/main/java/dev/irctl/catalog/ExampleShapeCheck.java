package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Examples must look like what EventBridge really delivers, or a passing test proves nothing: an
 * example built from a CloudTrail record must carry the source and detail-type EventBridge derives
 * from that record, and a global rule's match examples must come from us-east-1, the only region
 * where it is deployed.
 */
final class ExampleShapeCheck {
  private final Rule rule;
  private final List<Finding> findings;

  ExampleShapeCheck(Rule rule, List<Finding> findings) {
    this.rule = rule;
    this.findings = findings;
  }

  void run() {
    check("match", rule.examples().match());
    check("noMatch", rule.examples().noMatch());
  }

  private void check(String kind, List<JsonNode> examples) {
    for (int i = 0; i < examples.size(); i++) {
      JsonNode example = examples.get(i);
      String label = kind + " example " + (i + 1);
      JsonNode detail = example.path("detail");
      if (detail.path("eventSource").isTextual() && detail.path("eventName").isTextual()) {
        String source = CloudTrailEnvelope.source(detail.path("eventSource").textValue());
        if (!source.equals(example.path("source").asText())) {
          findings.add(
              Finding.error(
                  rule,
                  label
                      + " has source "
                      + example.path("source").asText()
                      + " but EventBridge"
                      + " delivers a record from "
                      + detail.path("eventSource").textValue()
                      + " with source "
                      + source
                      + "."));
        }
        String detailType = CloudTrailEnvelope.detailType(detail);
        // Without eventType the detail-type is a guess, except for ConsoleLogin, which is always a
        // sign-in.
        boolean known =
            detail.has("eventType") || "ConsoleLogin".equals(detail.path("eventName").asText());
        if (known && !detailType.equals(example.path("detail-type").asText())) {
          findings.add(
              Finding.error(
                  rule,
                  label
                      + " has detail-type \""
                      + example.path("detail-type").asText()
                      + "\" but EventBridge delivers this "
                      + detail.path("eventName").textValue()
                      + " record as \""
                      + detailType
                      + "\"."));
        }
      }
      if (kind.equals("match")
          && rule.scope() == Scope.GLOBAL
          && !Scope.GLOBAL_REGION.equals(example.path("region").asText())) {
        findings.add(
            Finding.warning(
                rule,
                label
                    + " is in region "
                    + example.path("region").asText()
                    + ", but a global rule runs in "
                    + Scope.GLOBAL_REGION
                    + " only."));
      }
    }
  }
}
