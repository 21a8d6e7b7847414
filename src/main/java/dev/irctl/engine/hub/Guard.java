package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The field that lets a detail-type be cut between the any-source forwarder and the per-source
 * ones, so that a rule watching every source (CIS unauthorized calls, root usage) does not make the
 * region forward every CloudTrail call. Each any-source branch implies its guard: one of its own
 * {@code detail} fields with a matcher that needs the field present, taken as its exact strings
 * ({@code userIdentity.type} {@code Root}) or, for other matchers (prefixes, suffixes), as "the
 * field exists" ({@code errorCode}). The any-source forwarder takes the events some guard passes;
 * the per-source forwarders take those every guard fails ({@code exists: false}, or {@code
 * anything-but} the strings or absent), so no event matches both. Pure.
 */
record Guard(List<String> path, Optional<Set<String>> values) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Matchers that match only a present field (exact values aside). */
  private static final Set<String> PRESENT_MATCHERS =
      Set.of("prefix", "suffix", "equals-ignore-case", "wildcard", "numeric", "cidr");

  /**
   * The guards of these any-source branches, one per field (strings of a field joined, and "exists"
   * when any branch needs it there); empty when some branch has no field to guard on (its
   * detail-type is then forwarded for every source, uncut). No branches: no guards.
   */
  static Optional<List<Guard>> of(List<JsonNode> details) {
    Map<List<String>, Optional<Set<String>>> byPath = new LinkedHashMap<>();
    for (JsonNode detail : details) {
      Optional<Guard> guard = pick(detail);
      if (guard.isEmpty()) {
        return Optional.empty();
      }
      Guard g = guard.get();
      byPath.merge(
          g.path(),
          g.values(),
          (a, b) -> {
            if (a.isEmpty() || b.isEmpty()) {
              return Optional.empty();
            }
            Set<String> union = new TreeSet<>(a.get());
            union.addAll(b.get());
            return Optional.of(union);
          });
    }
    List<Guard> guards = new ArrayList<>();
    byPath.forEach((path, values) -> guards.add(new Guard(path, values)));
    return Optional.of(guards);
  }

  /** The pattern fragment an event some guard passes matches. */
  static ObjectNode passing(List<Guard> guards) {
    ObjectNode fragment = NODES.objectNode();
    if (guards.size() == 1) {
      fragment.set("detail", guards.get(0).tree(guards.get(0).matcher()));
      return fragment;
    }
    ArrayNode or = fragment.putArray("$or");
    guards.forEach(g -> or.addObject().set("detail", g.tree(g.matcher())));
    return fragment;
  }

  /** The pattern fragment an event every guard fails matches; empty without guards. */
  static ObjectNode failing(List<Guard> guards) {
    List<ObjectNode> alternatives = List.of(NODES.objectNode());
    for (Guard guard : guards) {
      List<ObjectNode> next = new ArrayList<>();
      for (ObjectNode so : alternatives) {
        for (ArrayNode negation : guard.negations()) {
          ObjectNode both = so.deepCopy();
          merge(both, guard.tree(negation));
          next.add(both);
        }
      }
      alternatives = next;
    }
    ObjectNode fragment = NODES.objectNode();
    if (guards.isEmpty()) {
      return fragment;
    }
    if (alternatives.size() == 1) {
      fragment.set("detail", alternatives.get(0));
      return fragment;
    }
    ArrayNode or = fragment.putArray("$or");
    alternatives.forEach(a -> or.addObject().set("detail", a));
    return fragment;
  }

  /**
   * Deep-merges {@code from}'s fields into {@code into} (objects merged, other values replaced).
   */
  static void merge(ObjectNode into, JsonNode from) {
    from.fields()
        .forEachRemaining(
            e -> {
              JsonNode mine = into.get(e.getKey());
              if (mine instanceof ObjectNode object && e.getValue().isObject()) {
                merge(object, e.getValue());
              } else {
                into.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }

  private ArrayNode matcher() {
    ArrayNode matcher = NODES.arrayNode();
    if (values.isPresent()) {
      values.get().forEach(matcher::add);
    } else {
      matcher.addObject().put("exists", true);
    }
    return matcher;
  }

  /** Matchers that together take exactly the events this guard fails, one per alternative. */
  private List<ArrayNode> negations() {
    ArrayNode absent = NODES.arrayNode();
    absent.addObject().put("exists", false);
    if (values.isEmpty()) {
      return List.of(absent);
    }
    ArrayNode other = NODES.arrayNode();
    ArrayNode excluded = other.addObject().putArray("anything-but");
    values.get().forEach(excluded::add);
    return List.of(other, absent);
  }

  /** {@code matcher} at this guard's path inside {@code detail}. */
  private ObjectNode tree(ArrayNode matcher) {
    ObjectNode root = NODES.objectNode();
    ObjectNode at = root;
    for (int i = 0; i < path.size() - 1; i++) {
      at = at.putObject(path.get(i));
    }
    at.set(path.get(path.size() - 1), matcher);
    return root;
  }

  /**
   * A branch's guard: its first field (by path) of exact strings, else its first field whose
   * matchers all need the field present. Never {@code eventName} (the forwarders cut on event names
   * already) and nothing under a nested {@code $or} (not implied by the branch).
   */
  private static Optional<Guard> pick(JsonNode detail) {
    Map<String, Leaf> leaves = new TreeMap<>();
    leaves(detail, List.of(), leaves);
    leaves.remove("eventName");
    Optional<Guard> exact =
        leaves.values().stream()
            .filter(l -> l.strings().isPresent())
            .findFirst()
            .map(l -> new Guard(l.path(), l.strings()));
    if (exact.isPresent()) {
      return exact;
    }
    return leaves.values().stream()
        .filter(Leaf::present)
        .findFirst()
        .map(l -> new Guard(l.path(), Optional.empty()));
  }

  private record Leaf(List<String> path, Optional<Set<String>> strings, boolean present) {}

  private static void leaves(JsonNode node, List<String> at, Map<String, Leaf> into) {
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals("$or")) {
                return;
              }
              List<String> path = new ArrayList<>(at);
              path.add(e.getKey());
              if (e.getValue().isObject()) {
                leaves(e.getValue(), path, into);
              } else if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                into.put(String.join(".", path), leaf(path, e.getValue()));
              }
            });
  }

  private static Leaf leaf(List<String> path, JsonNode matchers) {
    Set<String> strings = new TreeSet<>();
    boolean allStrings = true;
    boolean present = true;
    for (JsonNode m : matchers) {
      if (m.isTextual()) {
        strings.add(m.textValue());
        continue;
      }
      allStrings = false;
      boolean needsField =
          m.isNumber()
              || m.isBoolean()
              || (m.isObject()
                  && m.size() == 1
                  && (PRESENT_MATCHERS.contains(m.fieldNames().next())
                      || m.path("exists").asBoolean(false)));
      present &= needsField;
    }
    return new Leaf(path, allStrings ? Optional.of(strings) : Optional.empty(), present);
  }
}
