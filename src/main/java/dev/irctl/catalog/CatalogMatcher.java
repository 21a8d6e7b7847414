package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.UserException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * Which rules would fire for an event, with EventBridge's own matching library (event-ruler). The
 * patterns are compiled once into event-ruler {@link Machine}s, so matching an event costs one pass
 * per Machine however many rules there are. Compiling is the largest part of start-up for a large
 * catalog, so the rules are shared out over one Machine per core, compiled side by side; a rule's
 * matches do not depend on which other rules share its Machine. Safe for concurrent {@link
 * #matches} calls once built.
 */
public final class CatalogMatcher {
  private static final int MAX_MACHINES = 2;

  private final List<Machine> machines;
  private final Map<String, Rule> rulesById;
  private final FieldFilter fieldFilter;
  private final RulePrefilter prefilter;

  private CatalogMatcher(
      List<Machine> machines,
      Map<String, Rule> rulesById,
      FieldFilter fieldFilter,
      RulePrefilter prefilter) {
    this.machines = machines;
    this.rulesById = rulesById;
    this.fieldFilter = fieldFilter;
    this.prefilter = prefilter;
  }

  /** A usage error naming the rule if event-ruler rejects its pattern. */
  public static CatalogMatcher compile(Collection<RenderedRule> rules) {
    int count = Math.max(1, Math.min(MAX_MACHINES, Math.min(rules.size(), cores())));
    return compile(rules, count);
  }

  /** With {@code count} Machines (tests compare counts). */
  static CatalogMatcher compile(Collection<RenderedRule> rules, int count) {
    List<RenderedRule> ordered = List.copyOf(rules);
    List<MachineBuild> builds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      builds.add(new MachineBuild(ordered, i, count));
    }
    List<Thread> threads = new ArrayList<>();
    for (MachineBuild build : builds.subList(1, builds.size())) {
      Thread thread = new Thread(build, "irctl-rule-compiler");
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    builds.get(0).run();
    for (Thread thread : threads) {
      join(thread);
    }
    // The first rule event-ruler rejects, in input order: what compiling them one by one reports.
    builds.stream()
        .filter(build -> build.failure != null)
        .min(Comparator.comparingInt(build -> build.failedAt))
        .ifPresent(
            build -> {
              throw build.failure;
            });
    Map<String, Rule> rulesById = new HashMap<>();
    for (RenderedRule rendered : ordered) {
      rulesById.put(rendered.id(), rendered.rule());
    }
    return new CatalogMatcher(
        builds.stream().map(build -> build.machine).toList(),
        rulesById,
        FieldFilter.forPatterns(ordered.stream().map(RenderedRule::pattern).toList()),
        RulePrefilter.forRules(ordered, count));
  }

  /** Every {@code count}-th rule from {@code first}, into one Machine; stops at the first error. */
  private static final class MachineBuild implements Runnable {
    private final List<RenderedRule> rules;
    private final int first;
    private final int step;
    private final Machine machine = new Machine();
    private RuntimeException failure;
    private int failedAt;

    MachineBuild(List<RenderedRule> rules, int first, int step) {
      this.rules = rules;
      this.first = first;
      this.step = step;
    }

    @Override
    public void run() {
      for (int i = first; i < rules.size(); i += step) {
        RenderedRule rendered = rules.get(i);
        try {
          machine.addRule(rendered.id(), rendered.pattern().toString());
        } catch (Exception e) {
          failure =
              UserException.usage(
                  rendered.rule().file()
                      + ": event-ruler rejects the event pattern of rule "
                      + rendered.id()
                      + ": "
                      + firstLine(e.getMessage()));
          failedAt = i;
          return;
        }
      }
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling the rules", e);
    }
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Every rule rendered with its parameters' examples: the machine {@code rules test} uses. */
  public static CatalogMatcher forExamples(Collection<Rule> rules) {
    PatternRenderer renderer = new PatternRenderer();
    return compile(
        rules.stream()
            .map(rule -> new RenderedRule(rule, renderer.renderWithExamples(rule)))
            .toList());
  }

  /**
   * The event fields these rules can look at: give it to {@link EventReader} to skip the rest while
   * parsing.
   */
  public FieldFilter fieldFilter() {
    return fieldFilter;
  }

  /** Ids of the rules that would fire, sorted. The event must be an EventBridge envelope. */
  public List<String> matches(JsonNode event) {
    // Only the Machines holding a rule whose demands on source, detail-type, event name... all
    // hold are asked: the others would say none. Rules the demands alone decide are not asked for.
    RulePrefilter.Verdict verdict = prefilter.verdict(event);
    if (verdict.machines() == 0) {
      return verdict.fired().size() > 1
          ? verdict.fired().stream().sorted().toList()
          : verdict.fired();
    }
    List<String> ids = new ArrayList<>(machineMatches(event, verdict.machines()));
    ids.addAll(verdict.fired());
    return ids.stream().distinct().sorted().toList();
  }

  /**
   * False only when no rule can fire for an event with these values at the prefilter's paths
   * ({@link RulePrefilter#PATHS}), whatever its delivery flags.
   */
  boolean mayMatch(RulePrefilter.Values[] values) {
    return prefilter.mayMatch(values);
  }

  boolean prefilterPasses(JsonNode event) {
    return prefilter.mayMatch(event);
  }

  /** {@link #matches} without the prefilter: the Machine alone (tests compare the two). */
  List<String> machineMatches(JsonNode event) {
    return machineMatches(event, -1L);
  }

  /** The Machines whose bit is set in {@code which}. */
  private List<String> machineMatches(JsonNode event, long which) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < machines.size(); i++) {
      if ((which & (1L << i)) != 0) {
        ids.addAll(machines.get(i).rulesForJSONEvent(event));
      }
    }
    ids.removeIf(id -> !EventDelivery.reaches(rulesById.get(id), event));
    if (ids.size() > 1) {
      // event-ruler may report a rule once per matching $or branch; Machines report in their
      // own order.
      return ids.stream().distinct().sorted().toList();
    }
    return ids;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "invalid pattern";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
