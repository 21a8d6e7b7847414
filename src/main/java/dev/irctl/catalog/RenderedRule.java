package dev.irctl.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rule with its pattern rendered for one set of parameter values: what gets deployed or matched.
 */
public record RenderedRule(Rule rule, ObjectNode pattern) {
  public String id() {
    return rule.id();
  }
}
