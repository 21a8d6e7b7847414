package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Events that prove a rule: each {@code match} event must fire it, each {@code noMatch} must not.
 * Full EventBridge envelopes. The nodes are shared: callers must not modify them.
 */
public record RuleExamples(List<JsonNode> match, List<JsonNode> noMatch) {
  public RuleExamples {
    match = List.copyOf(match);
    noMatch = List.copyOf(noMatch);
  }
}
