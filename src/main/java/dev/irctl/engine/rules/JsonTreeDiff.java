package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.FieldDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The differences between two JSON trees as field diffs, one per differing path ({@code
 * eventPattern.detail.eventName}). Objects are walked key by key; arrays and scalars are compared
 * whole, because in an event pattern an array is one set of allowed values.
 */
public final class JsonTreeDiff {
  private JsonTreeDiff() {}

  public static List<FieldDiff> diff(String root, JsonNode before, JsonNode after) {
    List<FieldDiff> diffs = new ArrayList<>();
    walk(root, before, after, diffs);
    return diffs;
  }

  private static void walk(String path, JsonNode before, JsonNode after, List<FieldDiff> diffs) {
    if (before != null && after != null && before.equals(after)) {
      return;
    }
    if (before != null && after != null && before.isObject() && after.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      before.fieldNames().forEachRemaining(keys::add);
      after.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        walk(path + "." + key, before.get(key), after.get(key), diffs);
      }
      return;
    }
    diffs.add(new FieldDiff(path, before, after));
  }
}
