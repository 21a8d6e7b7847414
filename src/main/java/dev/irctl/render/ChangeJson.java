package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;
import java.util.Locale;

/** A planned change as JSON: action, resource, reason and the differing fields. */
public final class ChangeJson {
  private ChangeJson() {}

  public static void add(ArrayNode changes, Change change) {
    ObjectNode c = changes.addObject();
    c.put("action", change.action().name().toLowerCase(Locale.ROOT));
    c.put("resource", change.resource());
    c.put("reason", change.reason());
    ArrayNode diffs = c.putArray("diffs");
    for (FieldDiff d : change.diffs()) {
      ObjectNode diff = diffs.addObject().put("field", d.field());
      diff.set("before", d.before());
      diff.set("after", d.after());
    }
  }

  /** The changes as a JSON array. */
  public static ArrayNode array(java.util.List<? extends Change> changes) {
    ArrayNode array = Json.mapper().createArrayNode();
    changes.forEach(c -> add(array, c));
    return array;
  }
}
