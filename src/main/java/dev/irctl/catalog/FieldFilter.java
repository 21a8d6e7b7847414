package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an event that matching can look at, as a tree of field names. {@link EventReader}
 * skips every other field while it parses, so a 1.3 KB CloudTrail record becomes a tree of a dozen
 * nodes: less to parse into objects, less for event-ruler to walk. Exact, not a heuristic:
 * event-ruler only ever reads the field paths its patterns name, and a kept field is kept whole
 * with all of its array elements.
 *
 * <p>Because a bare CloudTrail record becomes the envelope's {@code detail} only after parsing,
 * every {@code detail.*} path is also kept at the top level, with the record fields {@link
 * CloudTrailEnvelope} needs for the envelope.
 */
public final class FieldFilter {
  /** Keeps everything: no pruning. */
  public static final FieldFilter ALL = new FieldFilter(true);

  /** What the envelope, delivery check and output need besides the patterns. */
  private static final List<String> ALWAYS =
      List.of(
          "version",
          "id",
          "detail-type",
          "source",
          "account",
          "time",
          "region",
          "detail.eventName",
          "detail.eventSource",
          "detail.eventType",
          "detail.readOnly",
          "detail.managementEvent",
          "detail.eventCategory",
          "detail.recipientAccountId",
          "detail.awsRegion",
          "detail.eventTime",
          "detail.eventID",
          "detail.userIdentity.accountId",
          // Wrappers and lookup-events items, read whole on the rare paths that cannot stream them.
          "Records",
          "Events",
          "CloudTrailEvent");

  private final Map<String, FieldFilter> children = new HashMap<>();
  private boolean keepAll;

  private FieldFilter(boolean keepAll) {
    this.keepAll = keepAll;
  }

  /** The fields these patterns (and the reader's envelope and output) need. */
  public static FieldFilter forPatterns(Collection<? extends JsonNode> patterns) {
    FieldFilter root = new FieldFilter(false);
    for (String path : ALWAYS) {
      root.add(path.split("\\."), 0);
    }
    patterns.forEach(pattern -> root.addPattern(pattern));
    FieldFilter detail = root.children.get("detail");
    if (detail.keepAll) {
      return ALL;
    }
    root.merge(detail);
    return root;
  }

  /** Keep this field and everything under it. */
  public boolean keepsAll() {
    return keepAll;
  }

  /** The names of the fields kept below this one (none when it keeps all). */
  Set<String> names() {
    return children.keySet();
  }

  /** The filter for a field's value, or null to skip the field. */
  public FieldFilter child(String name) {
    return keepAll ? this : children.get(name);
  }

  private void addPattern(JsonNode pattern) {
    for (Map.Entry<String, JsonNode> field : pattern.properties()) {
      JsonNode value = field.getValue();
      if (field.getKey().equals("$or") && value.isArray()) {
        value.forEach(this::addPattern);
      } else if (value.isObject()) {
        children.computeIfAbsent(field.getKey(), k -> new FieldFilter(false)).addPattern(value);
      } else {
        children.computeIfAbsent(field.getKey(), k -> new FieldFilter(false)).keepAll = true;
      }
    }
  }

  private void add(String[] path, int index) {
    if (keepAll) {
      return;
    }
    FieldFilter child = children.computeIfAbsent(path[index], k -> new FieldFilter(false));
    if (index == path.length - 1) {
      child.keepAll = true;
      child.children.clear();
    } else {
      child.add(path, index + 1);
    }
  }

  private void merge(FieldFilter other) {
    if (other.keepAll) {
      keepAll = true;
      children.clear();
      return;
    }
    if (keepAll) {
      return;
    }
    other.children.forEach(
        (name, child) -> children.computeIfAbsent(name, k -> new FieldFilter(false)).merge(child));
  }
}
