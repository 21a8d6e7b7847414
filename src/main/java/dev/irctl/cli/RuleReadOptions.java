package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.catalog.Catalog;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.MessageFormat;
import dev.irctl.engine.rules.SubscriptionSpec;
import dev.irctl.engine.rules.TopicSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Which catalog rules, rendered with their parameters, and the topic they alert to: drill's flags.
 * The commands that read more of how rules alert extend it ({@link RuleCheckOptions}, {@link
 * RuleCompareOptions}, {@link RuleOptions}), each adding only the flags it reads, so no command
 * takes a flag it would ignore; the request is built here once, from the flags the command has.
 */
@Command
public class RuleReadOptions {
  @Mixin CatalogOptions catalog;
  @Mixin ParameterOptions parameters;
  @Mixin RuleTargetOptions target;
  @Mixin RuleSelectionOptions selection;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** Every flag and the catalog checked before any AWS call: problems are usage errors (exit 2). */
  public ApplyRulesRequest request() {
    return request(false);
  }

  /**
   * For read-only commands (status): a rule that cannot be rendered is left out with a warning even
   * when --rule names it, so reading never fails on a missing parameter.
   */
  public ApplyRulesRequest readOnlyRequest() {
    return request(true);
  }

  /** The catalog parameter irctl fills with the alert topic's name (--topic-name). */
  static final String TOPIC_NAME_PARAMETER = "topicName";

  /**
   * The --set values plus topicName from --topic-name (irctl.yaml rules.topicName) when a catalog
   * rule takes it, so the topic-tampering rule watches the topic irctl deploys. A --set topicName
   * naming another topic is a usage error: the rule would watch a topic nothing delivers to.
   */
  static Map<String, String> withTopicName(
      Catalog catalog, Map<String, String> settings, String topicName) {
    boolean taken =
        catalog.rules().stream().anyMatch(r -> r.parameter(TOPIC_NAME_PARAMETER).isPresent());
    if (!taken) {
      return settings;
    }
    String set = settings.get(TOPIC_NAME_PARAMETER);
    if (set != null && !set.equals(topicName)) {
      throw UserException.usage(
          "--set "
              + TOPIC_NAME_PARAMETER
              + "="
              + set
              + " differs from the alert topic "
              + topicName
              + ": irctl fills "
              + TOPIC_NAME_PARAMETER
              + " from --topic-name (irctl.yaml rules.topicName); drop the --set and use"
              + " --topic-name "
              + set
              + " instead.");
    }
    Map<String, String> all = new LinkedHashMap<>(settings);
    all.put(TOPIC_NAME_PARAMETER, topicName);
    return all;
  }

  /** The hub region (--hub-region): none unless the command reads it. */
  Optional<String> hubRegion() {
    return Optional.empty();
  }

  /** The topic's KMS key as given (--kms-key): none unless the command reads it. */
  String kmsKey() {
    return null;
  }

  /** The --subscribe values: none unless the command reads them. */
  List<String> subscriptions() {
    return List.of();
  }

  /** --message-format: raw unless the command reads it. */
  MessageFormat messageFormat() {
    return MessageFormat.RAW;
  }

  /** --prune: only the commands that write rules read it. */
  boolean prune() {
    return false;
  }

  private ApplyRulesRequest request(boolean lenient) {
    String kmsKey = kmsKey();
    List<SubscriptionSpec> specs =
        subscriptions().stream().map(SubscriptionOptionParser::parse).toList();
    Catalog loaded = catalog.load();
    CatalogRules.Resolved resolved =
        CatalogRules.resolve(
            loaded,
            selection.selection(),
            withTopicName(loaded, parameters.settings(), target.topicName()),
            lenient);
    if (!parameters.settings().containsKey(TOPIC_NAME_PARAMETER)) {
      // irctl filled topicName itself: no note when the selection does not need it.
      java.util.Set<String> unused = new java.util.TreeSet<>(resolved.unusedSettings());
      unused.remove(TOPIC_NAME_PARAMETER);
      resolved = new CatalogRules.Resolved(resolved.rules(), resolved.leftOut(), unused);
    }
    new SelectionNotes(spec).print(resolved);
    List<DesiredRule> desired = resolved.rules();
    Optional<String> key = Optional.ofNullable(kmsKey).map(String::trim).filter(k -> !k.isEmpty());
    if (kmsKey != null && key.isEmpty()) {
      throw UserException.usage("--kms-key needs a key id, ARN or alias/NAME.");
    }
    List<String> kept =
        loaded.rules().stream()
            .map(r -> r.id())
            .filter(id -> !selection.excludes().contains(id))
            .filter(id -> desired.stream().noneMatch(d -> d.ruleId().equals(id)))
            .toList();
    Optional<String> hub = hubRegion();
    return new ApplyRulesRequest(
        target.bus(),
        new TopicSpec(target.topicName(), key, specs),
        messageFormat(),
        prune(),
        desired,
        kept,
        hub,
        hub.isPresent() ? alsoForwarded(loaded, desired) : List.of());
  }

  /**
   * With a hub, a --rule/--category run still computes the forwarders from the whole selection (the
   * catalog after --exclude, as a run without them would deploy it): the hub keeps the rules a
   * narrowed run does not name, so forwarders cut from the narrowed rules alone would delete the
   * others' forwarders and the hub would stop hearing from the other regions. Narrowing is for what
   * this run changes in the hub, not for which events reach it. Rules a full run would leave out (a
   * missing parameter) are not forwarded, as a full run would not deploy them.
   */
  private List<DesiredRule> alsoForwarded(Catalog loaded, List<DesiredRule> desired) {
    if (!selection.narrowed()) {
      return List.of();
    }
    List<DesiredRule> whole =
        CatalogRules.resolve(
                loaded,
                new CatalogRules.Selection(List.of(), selection.excludes(), List.of()),
                withTopicName(loaded, parameters.settings(), target.topicName()),
                true)
            .rules();
    return whole.stream()
        .filter(w -> desired.stream().noneMatch(d -> d.name().equals(w.name())))
        .toList();
  }
}
