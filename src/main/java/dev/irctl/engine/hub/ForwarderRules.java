package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.catalog.EventBridgeQuotas;
import dev.irctl.catalog.ManagementEvents;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.rules.DesiredRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The forwarder rules of a region that is not the hub: together they match (at least) every event
 * the region's irctl rules would match, and no event matches two of them, so each event reaches the
 * hub bus once however many hub rules it then fires.
 *
 * <p>The partition: an event has one {@code detail-type} and one {@code source}. Rules are cut into
 * their {@code $or} branches; every branch must name its detail-types exactly. Per detail-type, if
 * some branch for it accepts any source, one slot takes that detail-type for every source;
 * otherwise one slot per source. A slot also carries {@code detail.eventName} when every branch in
 * it names event names exactly. Slots with the same source are merged into one forwarder (named
 * {@code irctl-forward-<source>}), keeping constrained and unconstrained event names apart, and a
 * forwarder whose pattern would pass EventBridge's 2,048 characters is split along its event names,
 * then its detail-types (values an event has only one of, so halves stay disjoint). Pure.
 */
public final class ForwarderRules {
  public static final String NAME_PREFIX = Ownership.NAME_PREFIX + "forward-";

  /** Tag on every forwarder rule: the hub region it forwards to. */
  public static final String TAG_FORWARDER = "irctl:forwarder";

  static final String ANY_SOURCE = "any-source";
  private static final int MAX_NAME = 64;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ForwarderRules() {}

  /** Whether an irctl rule is a forwarder (by its name; ownership is checked separately). */
  public static boolean isForwarder(String ruleName) {
    return ruleName.startsWith(NAME_PREFIX);
  }

  /** The forwarders for {@code rules}, the rules this region would carry without a hub. */
  public static List<DesiredRule> forRegion(List<DesiredRule> rules, String hubRegion) {
    Map<String, List<Branch>> byDetailType = new TreeMap<>();
    for (DesiredRule rule : rules) {
      for (Branch branch : branches(rule)) {
        for (String detailType : branch.detailTypes()) {
          byDetailType.computeIfAbsent(detailType, d -> new ArrayList<>()).add(branch);
        }
      }
    }
    // source key → (constrained event names? and guard → forwarder being built)
    Map<String, Map<String, Draft>> bySource = new TreeMap<>();
    byDetailType.forEach(
        (detailType, branches) -> {
          List<Branch> anySource = branches.stream().filter(b -> b.sources().isEmpty()).toList();
          Optional<List<Guard>> guards = Guard.of(anySource.stream().map(Branch::detail).toList());
          if (guards.isEmpty()) {
            addSlot(bySource, ANY_SOURCE, detailType, branches, NODES.objectNode());
            return;
          }
          // Any-source branches take every event their guards pass (each branch implies its
          // guard), whatever its source; the per-source slots take the rest, so the cut stays
          // disjoint. Without any-source branches there is no guard and the per-source slots take
          // everything.
          if (!guards.get().isEmpty()) {
            addSlot(bySource, ANY_SOURCE, detailType, branches, Guard.passing(guards.get()));
          }
          ObjectNode rest = Guard.failing(guards.get());
          Set<String> sources = new TreeSet<>();
          branches.stream()
              .filter(b -> b.sources().isPresent())
              .forEach(b -> sources.addAll(b.sources().get()));
          for (String source : sources) {
            addSlot(
                bySource,
                source,
                detailType,
                branches.stream()
                    .filter(b -> b.sources().map(all -> all.contains(source)).orElse(false))
                    .toList(),
                rest);
          }
        });
    List<DesiredRule> forwarders = new ArrayList<>();
    bySource.forEach(
        (source, drafts) -> {
          List<Draft> fitting = new ArrayList<>();
          drafts.values().forEach(d -> fitting.addAll(split(d)));
          for (int i = 0; i < fitting.size(); i++) {
            forwarders.add(
                desired(fitting.get(i), name(source, fitting.size() == 1 ? 0 : i + 1), hubRegion));
          }
        });
    return forwarders;
  }

  /**
   * One forwarder before it has a name: exact values, or an empty event-name set for "any", and
   * {@code guard}, the fields that cut a detail-type between the any-source forwarder and the
   * per-source ones ({@link Guard}; empty where no cut is needed).
   */
  private record Draft(
      String source,
      Set<String> detailTypes,
      Optional<Set<String>> eventNames,
      boolean all,
      ObjectNode guard) {
    ObjectNode pattern() {
      ObjectNode pattern = NODES.objectNode();
      if (!ANY_SOURCE.equals(source)) {
        pattern.putArray("source").add(source);
      }
      detailTypes.forEach(pattern.withArray("detail-type")::add);
      eventNames.ifPresent(
          names -> names.forEach(pattern.putObject("detail").withArray("eventName")::add));
      Guard.merge(pattern, guard);
      return pattern;
    }

    Draft with(Set<String> detailTypes, Optional<Set<String>> eventNames) {
      return new Draft(source, detailTypes, eventNames, all, guard);
    }
  }

  /**
   * A rule's branch: exact detail-types, exact sources (empty: any), exact event names, and (for
   * the guard of an any-source branch) its {@code detail} with the fields outside the {@code $or}.
   */
  private record Branch(
      Set<String> detailTypes,
      Optional<Set<String>> sources,
      Optional<Set<String>> eventNames,
      boolean all,
      JsonNode detail) {}

  private static void addSlot(
      Map<String, Map<String, Draft>> bySource,
      String source,
      String detailType,
      List<Branch> branches,
      ObjectNode guard) {
    boolean constrained = branches.stream().allMatch(b -> b.eventNames().isPresent());
    boolean all = branches.stream().anyMatch(Branch::all);
    Map<String, Draft> drafts = bySource.computeIfAbsent(source, s -> new TreeMap<>());
    String key = (constrained ? "1" : "0") + guard;
    Draft draft =
        drafts.computeIfAbsent(
            key,
            c ->
                new Draft(
                    source,
                    new TreeSet<>(),
                    constrained ? Optional.of(new TreeSet<>()) : Optional.empty(),
                    false,
                    guard));
    draft.detailTypes().add(detailType);
    if (constrained) {
      branches.forEach(b -> draft.eventNames().get().addAll(b.eventNames().get()));
    }
    if (all && !draft.all()) {
      drafts.put(
          key, new Draft(source, draft.detailTypes(), draft.eventNames(), true, draft.guard()));
    }
  }

  private static List<Draft> split(Draft draft) {
    if (draft.pattern().toString().length() <= EventBridgeQuotas.PATTERN_LENGTH) {
      return List.of(draft);
    }
    if (draft.eventNames().isPresent() && draft.eventNames().get().size() > 1) {
      List<Set<String>> halves = halves(draft.eventNames().get());
      List<Draft> parts = new ArrayList<>();
      halves.forEach(h -> parts.addAll(split(draft.with(draft.detailTypes(), Optional.of(h)))));
      return parts;
    }
    if (draft.detailTypes().size() > 1) {
      List<Draft> parts = new ArrayList<>();
      halves(draft.detailTypes())
          .forEach(h -> parts.addAll(split(draft.with(h, draft.eventNames()))));
      return parts;
    }
    throw new PlanConflictException(
        "the forwarder rule for source "
            + draft.source()
            + " would pass EventBridge's "
            + EventBridgeQuotas.PATTERN_LENGTH
            + "-character pattern limit even with one detail-type and one event name. Nothing was"
            + " changed in this region.");
  }

  private static List<Set<String>> halves(Set<String> values) {
    List<String> list = new ArrayList<>(values);
    int middle = list.size() / 2;
    return List.of(
        new TreeSet<>(list.subList(0, middle)), new TreeSet<>(list.subList(middle, list.size())));
  }

  private static String name(String source, int index) {
    String base = NAME_PREFIX + source.replaceAll("[^A-Za-z0-9._-]", "-");
    String suffix = index == 0 ? "" : "-" + index;
    if (base.length() + suffix.length() > MAX_NAME) {
      base = base.substring(0, MAX_NAME - suffix.length());
    }
    return base + suffix;
  }

  private static DesiredRule desired(Draft draft, String name, String hubRegion) {
    Map<String, String> tags = new LinkedHashMap<>(Ownership.tags());
    tags.put(TAG_FORWARDER, hubRegion);
    String what =
        ANY_SOURCE.equals(draft.source()) ? "events of any source" : draft.source() + " events";
    return new DesiredRule(
        name,
        name.substring(Ownership.NAME_PREFIX.length()),
        "Forward to " + hubRegion,
        "info",
        "irctl: forwards the "
            + what
            + " that irctl's rules match to the default event bus of the hub region "
            + hubRegion
            + ", where irctl's rules alert",
        draft.pattern(),
        draft.all() ? ManagementEvents.ALL.ruleState() : ManagementEvents.WRITE.ruleState(),
        tags,
        false,
        false,
        ConsoleSignIns.NONE);
  }

  /**
   * Whether every branch of the rule's pattern names its detail-types exactly, which the cut into
   * disjoint forwarders needs; {@link #forRegion} refuses a rule that does not.
   */
  public static boolean forwardable(DesiredRule rule) {
    return rawBranches(rule.pattern()).stream()
        .allMatch(b -> exact(field(b, rule.pattern(), "detail-type")).isPresent());
  }

  /** The pattern's top-level {@code $or} branches, or one empty branch when it has none. */
  private static List<JsonNode> rawBranches(JsonNode pattern) {
    List<JsonNode> branches = new ArrayList<>();
    if (pattern.path("$or").isArray()) {
      pattern.path("$or").forEach(branches::add);
    } else {
      branches.add(NODES.objectNode());
    }
    return branches;
  }

  /** A rule's top-level {@code $or} branches, each with the fields outside the {@code $or}. */
  private static List<Branch> branches(DesiredRule rule) {
    JsonNode pattern = rule.pattern();
    boolean all = ManagementEvents.ALL.ruleState().equals(rule.state());
    List<Branch> result = new ArrayList<>();
    for (JsonNode branch : rawBranches(pattern)) {
      Optional<Set<String>> detailTypes = exact(field(branch, pattern, "detail-type"));
      if (detailTypes.isEmpty()) {
        throw new PlanConflictException(
            "rule "
                + rule.name()
                + " does not name its detail-types exactly, so irctl cannot forward its events to"
                + " the hub without sending some twice. Deploy it without a hub region, or give its"
                + " pattern an exact detail-type list. Nothing was changed in this region.");
      }
      Optional<Set<String>> eventNames = eventNames(branch.path("detail"));
      if (eventNames.isEmpty()) {
        eventNames = eventNames(pattern.path("detail"));
      }
      ObjectNode detail = NODES.objectNode();
      Guard.merge(detail, pattern.path("detail"));
      Guard.merge(detail, branch.path("detail"));
      result.add(
          new Branch(
              detailTypes.get(), exact(field(branch, pattern, "source")), eventNames, all, detail));
    }
    return result;
  }

  private static JsonNode field(JsonNode branch, JsonNode pattern, String name) {
    return branch.has(name) ? branch.get(name) : pattern.path(name);
  }

  /** detail.eventName as exact names, directly or in every branch of detail's {@code $or}. */
  private static Optional<Set<String>> eventNames(JsonNode detail) {
    Optional<Set<String>> direct = exact(detail.path("eventName"));
    if (direct.isPresent() || !detail.path("$or").isArray()) {
      return direct;
    }
    Set<String> names = new TreeSet<>();
    for (JsonNode branch : detail.path("$or")) {
      Optional<Set<String>> some = exact(branch.path("eventName"));
      if (some.isEmpty()) {
        return Optional.empty();
      }
      names.addAll(some.get());
    }
    return Optional.of(names);
  }

  /** A pattern value of exact strings only, else empty (any, or a matcher irctl does not widen). */
  private static Optional<Set<String>> exact(JsonNode values) {
    if (!values.isArray() || values.isEmpty()) {
      return Optional.empty();
    }
    Set<String> strings = new TreeSet<>();
    for (JsonNode value : values) {
      if (!value.isTextual()) {
        return Optional.empty();
      }
      strings.add(value.textValue());
    }
    return Optional.of(strings);
  }
}
