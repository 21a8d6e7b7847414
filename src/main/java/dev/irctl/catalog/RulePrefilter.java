package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cheap, exact-when-it-says-no test run before event-ruler: most recorded events can fire no rule
 * at all (everyday reads, other services), and telling so from a handful of fields costs far less
 * than the Machine's walk. For each compiled rule it keeps what its pattern demands of a few
 * well-known fields (source, detail-type, eventSource, eventName, errorCode, userIdentity.type) as
 * exact values, prefixes, suffixes and wildcards, through {@code $or} branches; a field constrained
 * any other way (anything-but, exists, numeric, equals-ignore-case...) is left unconstrained. An
 * event none of whose rules' demands it meets skips the Machine: a rule can match only if every
 * demand holds, so the answer "no rule" is the Machine's own. Anything the prefilter cannot read
 * with certainty (an array on the way to a field, a non-text value) keeps the rule as a candidate.
 */
final class RulePrefilter {
  /** The fields whose demands are kept, as paths from the envelope's root. */
  static final List<List<String>> PATHS =
      List.of(
          List.of("source"),
          List.of("detail-type"),
          List.of("detail", "eventSource"),
          List.of("detail", "eventName"),
          List.of("detail", "errorCode"),
          List.of("detail", "userIdentity", "type"));

  /**
   * Paths a candidate can be indexed by, most selective first: a rule whose demand on one of them
   * is exact values only is tried just for events carrying one of those values there.
   */
  private static final int[] INDEX_PATHS = {3, 2, 1, 0};

  /** Per index path (by position in {@link #PATHS}): exact value to the candidates demanding it. */
  private final List<Map<String, List<Candidate>>> indexes;

  /** The candidates of each index path, for events whose value there cannot be read. */
  private final List<List<Candidate>> indexed;

  /** Candidates with no exact-only demand on an index path: tried for every event. */
  private final List<Candidate> unindexed;

  /** Every Machine's bit. */
  private final long allMachines;

  private RulePrefilter(
      List<Map<String, List<Candidate>>> indexes,
      List<List<Candidate>> indexed,
      List<Candidate> unindexed,
      long allMachines) {
    this.indexes = indexes;
    this.indexed = indexed;
    this.unindexed = unindexed;
    this.allMachines = allMachines;
  }

  static RulePrefilter forRules(Collection<RenderedRule> rules) {
    return forRules(rules, 1);
  }

  /**
   * For rules shared out over {@code machines} Machines, every {@code machines}-th rule into the
   * same one (as {@link CatalogMatcher} does), so that {@link #machines} can say which to ask.
   */
  static RulePrefilter forRules(Collection<RenderedRule> rules, int machines) {
    List<Map<String, List<Candidate>>> indexes = new ArrayList<>();
    List<List<Candidate>> indexed = new ArrayList<>();
    for (int i = 0; i < PATHS.size(); i++) {
      indexes.add(new HashMap<>());
      indexed.add(new ArrayList<>());
    }
    List<Candidate> unindexed = new ArrayList<>();
    int position = 0;
    for (RenderedRule rule : rules) {
      long machine = 1L << (position++ % machines);
      Demand[] demands = new Demand[PATHS.size()];
      for (int i = 0; i < PATHS.size(); i++) {
        demands[i] = demand(rule.pattern(), PATHS.get(i), 0);
      }
      Candidate candidate =
          new Candidate(rule.rule(), demands, machine, decisive(rule.pattern(), List.of()));
      int path = indexPath(demands);
      if (path < 0) {
        unindexed.add(candidate);
        continue;
      }
      indexed.get(path).add(candidate);
      for (String value : demands[path].exact()) {
        indexes.get(path).computeIfAbsent(value, v -> new ArrayList<>()).add(candidate);
      }
    }
    return new RulePrefilter(indexes, indexed, unindexed, (1L << Math.min(machines, 63)) - 1);
  }

  /** The first index path whose demand is exact values only, or -1. */
  private static int indexPath(Demand[] demands) {
    for (int path : INDEX_PATHS) {
      Demand demand = demands[path];
      if (demand != null && demand.exactOnly()) {
        return path;
      }
    }
    return -1;
  }

  /** False only when no rule can match the event (so the Machine would return nothing). */
  boolean mayMatch(JsonNode event) {
    return candidates(new Search(event, new Values[PATHS.size()], false)) != 0;
  }

  /**
   * What the prefilter can tell of the event: the rules it fires for certain ({@code fired}), and
   * the Machines (bit i for Machine i) that must be asked about the rest: 0 when none.
   */
  record Verdict(long machines, List<String> fired) {}

  Verdict verdict(JsonNode event) {
    Search search = new Search(event, new Values[PATHS.size()], true);
    long machines = candidates(search);
    return new Verdict(machines, search.fired == null ? List.of() : search.fired);
  }

  /**
   * False only when no rule can match an event with these values at {@link #PATHS}, whatever its
   * delivery flags ({@link EventDelivery}).
   */
  boolean mayMatch(Values[] values) {
    return candidates(new Search(null, values, false)) != 0;
  }

  /** The Machines of the candidates the event may fire: of the first one found, or of every one. */
  private long candidates(Search search) {
    if (search.any(unindexed)) {
      return search.found;
    }
    for (int path : INDEX_PATHS) {
      if (indexed.get(path).isEmpty()) {
        continue;
      }
      Values values = search.values(path);
      if (values.unknown() && search.any(indexed.get(path))) {
        return search.found;
      }
      // A candidate indexed here can meet its exact-only demand only through one of these values.
      for (String value : values.strings()) {
        List<Candidate> demanding = indexes.get(path).get(value);
        if (demanding != null && search.any(demanding)) {
          return search.found;
        }
      }
    }
    return search.found;
  }

  /**
   * One event's search for candidates, reading each of its paths at most once: from the event's
   * tree, or given (then with its delivery unknown: every rule counts as reached).
   */
  private final class Search {
    private final JsonNode event;
    private final Values[] values;
    private final boolean every;
    private long found;

    /** Decisive rules the event fires, when {@link #every}; null for none. */
    private List<String> fired;

    Search(JsonNode event, Values[] values, boolean every) {
      this.event = event;
      this.values = values;
      this.every = every;
    }

    Values values(int path) {
      if (values[path] == null) {
        values[path] = Values.at(event, PATHS.get(path));
      }
      return values[path];
    }

    /**
     * Adds the candidates the event may fire; true when the search can stop. Searching {@link
     * #every} candidate, a decisive one whose values are all known is decided here, not by its
     * Machine.
     */
    boolean any(List<Candidate> candidates) {
      for (Candidate candidate : candidates) {
        if (every && candidate.decisive()) {
          decide(candidate);
        } else if ((found & candidate.machine()) == 0 && mayMatch(candidate)) {
          found |= candidate.machine();
          if (!every) {
            return true;
          }
        }
      }
      return false;
    }

    private void decide(Candidate candidate) {
      if (!mayMatch(candidate)) {
        return;
      }
      Demand[] demands = candidate.demands();
      for (int i = 0; i < demands.length; i++) {
        if (demands[i] != null && values(i).unknown()) {
          found |= candidate.machine();
          return;
        }
      }
      String id = candidate.rule().id();
      if (fired == null) {
        fired = new ArrayList<>();
      }
      if (!fired.contains(id)) {
        fired.add(id);
      }
    }

    private boolean mayMatch(Candidate candidate) {
      Demand[] demands = candidate.demands();
      for (int i = 0; i < demands.length; i++) {
        if (demands[i] != null && !values(i).mayMeet(demands[i])) {
          return false;
        }
      }
      return event == null || EventDelivery.reaches(candidate.rule(), event);
    }
  }

  /**
   * A rule's demands on {@link #PATHS}, and the bit of the Machine it is compiled into. {@code
   * decisive}: the demands are the whole pattern, so an event that meets them with known values
   * fires the rule (if delivered): no Machine needs to say so.
   */
  private record Candidate(Rule rule, Demand[] demands, long machine, boolean decisive) {}

  /**
   * Whether the pattern (at {@code path}) is nothing but demands the prefilter reads exactly: every
   * leaf on one of {@link #PATHS}, of exact values, prefixes, suffixes or wildcards, and no {@code
   * $or} (whose branches' demands the prefilter unions, losing which go together).
   */
  static boolean decisive(JsonNode pattern, List<String> path) {
    if (!pattern.isObject() || pattern.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> field : pattern.properties()) {
      List<String> below = new ArrayList<>(path);
      below.add(field.getKey());
      JsonNode value = field.getValue();
      boolean readable =
          field.getKey().equals("$or")
              ? false
              : value.isObject()
                  ? decisive(value, below)
                  : PATHS.contains(below) && Demand.ofMatchers(value) != null;
      if (!readable) {
        return false;
      }
    }
    return true;
  }

  /**
   * What a pattern (or a {@code $or} branch, at the same level) demands of the field at {@code
   * path}: null when it does not constrain it in a way the prefilter reads.
   */
  static Demand demand(JsonNode pattern, List<String> path, int depth) {
    if (!pattern.isObject()) {
      return null;
    }
    JsonNode direct = pattern.get(path.get(depth));
    Demand found = null;
    if (direct != null) {
      found =
          depth == path.size() - 1
              ? Demand.ofMatchers(direct)
              : direct.isObject() ? demand(direct, path, depth + 1) : null;
    }
    if (found != null) {
      // A member beside $or is ANDed with it: its demand alone is enough.
      return found;
    }
    JsonNode or = pattern.get("$or");
    if (or == null || !or.isArray() || or.isEmpty()) {
      return null;
    }
    Demand union = Demand.NOTHING;
    for (JsonNode branch : or) {
      Demand inBranch = demand(branch, path, depth);
      if (inBranch == null) {
        return null;
      }
      union = union.or(inBranch);
    }
    return union;
  }

  /** Exact values, prefixes, suffixes and wildcards; a value meeting any one meets the demand. */
  record Demand(
      Set<String> exact, List<String> prefixes, List<String> suffixes, List<String> globs) {
    static final Demand NOTHING = new Demand(Set.of(), List.of(), List.of(), List.of());

    /** The demand of a pattern leaf (an array of matchers); null if any matcher is not readable. */
    static Demand ofMatchers(JsonNode matchers) {
      if (!matchers.isArray() || matchers.isEmpty()) {
        return null;
      }
      Set<String> exact = new HashSet<>();
      List<String> prefixes = new ArrayList<>();
      List<String> suffixes = new ArrayList<>();
      List<String> globs = new ArrayList<>();
      for (JsonNode matcher : matchers) {
        if (matcher.isTextual()) {
          exact.add(matcher.textValue());
          continue;
        }
        if (!matcher.isObject() || matcher.size() != 1) {
          return null;
        }
        Map.Entry<String, JsonNode> only = matcher.properties().iterator().next();
        JsonNode value = only.getValue();
        if (!value.isTextual()) {
          return null;
        }
        String text = value.textValue();
        switch (only.getKey()) {
          case "prefix" -> prefixes.add(text);
          case "suffix" -> suffixes.add(text);
          case "wildcard" -> {
            if (text.contains("\\")) {
              return null;
            }
            globs.add(text);
          }
          default -> {
            return null;
          }
        }
      }
      return new Demand(Set.copyOf(exact), prefixes, suffixes, globs);
    }

    boolean exactOnly() {
      return prefixes.isEmpty() && suffixes.isEmpty() && globs.isEmpty();
    }

    Demand or(Demand other) {
      Set<String> exact = new HashSet<>(this.exact);
      exact.addAll(other.exact);
      return new Demand(
          Set.copyOf(exact),
          concat(prefixes, other.prefixes),
          concat(suffixes, other.suffixes),
          concat(globs, other.globs));
    }

    boolean metBy(String value) {
      if (exact.contains(value)) {
        return true;
      }
      for (String prefix : prefixes) {
        if (value.startsWith(prefix)) {
          return true;
        }
      }
      for (String suffix : suffixes) {
        if (value.endsWith(suffix)) {
          return true;
        }
      }
      for (String glob : globs) {
        if (Glob.matches(glob, value)) {
          return true;
        }
      }
      return false;
    }

    private static List<String> concat(List<String> a, List<String> b) {
      List<String> all = new ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }
  }

  /** An event's values at one path: none, some strings, or unknown (keep every rule). */
  record Values(List<String> strings, boolean unknown) {
    static final Values NONE = new Values(List.of(), false);
    static final Values UNKNOWN = new Values(List.of(), true);

    static Values of(String value) {
      return new Values(List.of(value), false);
    }

    static Values at(JsonNode event, List<String> path) {
      JsonNode node = event;
      for (String name : path) {
        if (node.isArray()) {
          // event-ruler flattens arrays of objects: too much to second-guess here.
          return UNKNOWN;
        }
        node = node.get(name);
        if (node == null) {
          return NONE;
        }
      }
      if (node.isTextual()) {
        return new Values(List.of(node.textValue()), false);
      }
      if (node.isNull()) {
        return NONE;
      }
      if (node.isArray()) {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : node) {
          if (!element.isTextual()) {
            return UNKNOWN;
          }
          strings.add(element.textValue());
        }
        return new Values(strings, false);
      }
      return UNKNOWN;
    }

    boolean mayMeet(Demand demand) {
      if (unknown) {
        return true;
      }
      for (String value : strings) {
        if (demand.metBy(value)) {
          return true;
        }
      }
      return false;
    }
  }

  /** EventBridge wildcard matching: {@code *} is any run of characters (no escapes here). */
  static final class Glob {
    private Glob() {}

    static boolean matches(String glob, String value) {
      int g = 0;
      int v = 0;
      int star = -1;
      int mark = 0;
      while (v < value.length()) {
        if (g < glob.length() && glob.charAt(g) == '*') {
          star = g++;
          mark = v;
        } else if (g < glob.length() && glob.charAt(g) == value.charAt(v)) {
          g++;
          v++;
        } else if (star >= 0) {
          g = star + 1;
          v = ++mark;
        } else {
          return false;
        }
      }
      while (g < glob.length() && glob.charAt(g) == '*') {
        g++;
      }
      return g == glob.length();
    }
  }
}
