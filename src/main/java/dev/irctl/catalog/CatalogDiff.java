package dev.irctl.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What changes for a user moving from one catalog to another, rule by rule: added, removed, or
 * changed in a field that changes what is deployed (event pattern, rule state, where it is
 * deployed, its parameters) or what the alert says (severity, title, description). Patterns are
 * compared as JSON trees, placeholders included, so the answer does not depend on --set values.
 */
public final class CatalogDiff {
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /** One rule that differs; {@code fields} names what changed (empty unless CHANGED). */
  public record Entry(String ruleId, Kind kind, Rule rule, List<String> fields) {
    public Entry {
      fields = List.copyOf(fields);
    }
  }

  private CatalogDiff() {}

  /** Every rule that differs between {@code from} and {@code to}, sorted by id. */
  public static List<Entry> between(Catalog from, Catalog to) {
    Map<String, Rule> before = new TreeMap<>();
    from.rules().forEach(r -> before.put(r.id(), r));
    Map<String, Rule> after = new TreeMap<>();
    to.rules().forEach(r -> after.put(r.id(), r));
    Map<String, Entry> entries = new TreeMap<>();
    after.forEach(
        (id, rule) -> {
          Rule old = before.get(id);
          if (old == null) {
            entries.put(id, new Entry(id, Kind.ADDED, rule, List.of()));
          } else {
            List<String> fields = changedFields(old, rule);
            if (!fields.isEmpty()) {
              entries.put(id, new Entry(id, Kind.CHANGED, rule, fields));
            }
          }
        });
    before.forEach(
        (id, rule) -> {
          if (!after.containsKey(id)) {
            entries.put(id, new Entry(id, Kind.REMOVED, rule, List.of()));
          }
        });
    return new ArrayList<>(entries.values());
  }

  /** How many rules are in both catalogs and the same. */
  public static int unchanged(Catalog from, Catalog to, List<Entry> entries) {
    long changed = entries.stream().filter(e -> e.kind() == Kind.CHANGED).count();
    long both = to.rules().stream().filter(r -> from.find(r.id()).isPresent()).count();
    return (int) (both - changed);
  }

  static List<String> changedFields(Rule old, Rule rule) {
    List<String> fields = new ArrayList<>();
    if (!old.eventPattern().equals(rule.eventPattern())) {
      fields.add("eventPattern");
    }
    if (old.managementEvents() != rule.managementEvents()) {
      fields.add(
          "state ("
              + old.managementEvents().ruleState()
              + " -> "
              + rule.managementEvents().ruleState()
              + ")");
    }
    if (old.watchesAlertPath() != rule.watchesAlertPath()) {
      fields.add(
          "watchesAlertPath (" + old.watchesAlertPath() + " -> " + rule.watchesAlertPath() + ")");
    }
    if (old.scope() != rule.scope()) {
      fields.add("scope (" + old.scope().id() + " -> " + rule.scope().id() + ")");
    }
    if (old.consoleSignIns() != rule.consoleSignIns()) {
      fields.add(
          "consoleSignIns ("
              + old.consoleSignIns().id()
              + " -> "
              + rule.consoleSignIns().id()
              + ")");
    }
    if (old.severity() != rule.severity()) {
      fields.add("severity (" + old.severity().id() + " -> " + rule.severity().id() + ")");
    }
    if (!old.parameters().equals(rule.parameters())) {
      fields.add("parameters");
    }
    if (!Objects.equals(old.title(), rule.title())) {
      fields.add("title");
    }
    if (!Objects.equals(old.description(), rule.description())) {
      fields.add("description");
    }
    return fields;
  }
}
