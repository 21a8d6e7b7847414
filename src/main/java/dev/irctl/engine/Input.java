package dev.irctl.engine;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value the user gave that an engine error or reason is about. The engine names it by this kind
 * only; the CLI words it with its flag ({@code cli.Flags}), another front end with its own name.
 * Inside a sentence the engine writes {@link #ref()}; {@link #word} turns each reference into the
 * front end's name.
 */
public enum Input {
  KMS_KEY("KMS key"),
  CATEGORY("category"),
  EXCLUDE("excluded rule"),
  RULE("rule"),
  /** The rule selection as a whole (rule, category and exclude together). */
  SELECTION("rule selection"),
  FEATURE("detector feature"),
  THREAT_INTEL_SET("threat intel set"),
  TRUSTED_IP_SET("trusted IP set"),
  ROLE("role"),
  GROUP("group"),
  USER("user"),
  ADMIN_ACCOUNT("delegated administrator account"),
  REGION("region"),
  ALL_REGIONS("all regions"),
  /** A value for a rule parameter ({@code name=value}). */
  SETTING("rule setting"),
  PRUNE("prune"),
  POLICY_NAME("policy name"),
  ADOPT("adopt"),
  TOPIC_NAME("topic name"),
  SUBSCRIBE("subscription");

  // ASCII, so a reference survives JSON and plan files unchanged, and reads plainly if it leaks.
  private static final String OPEN = "{input:";
  private static final Pattern REF = Pattern.compile("\\{input:([A-Z_]+)}");

  private final String label;

  Input(String label) {
    this.label = label;
  }

  /** A plain name, without any front end's syntax: {@code KMS key}, {@code category}. */
  public String label() {
    return label;
  }

  /**
   * This input inside an engine sentence, for {@link #word} to name: {@code "Add " + REGION.ref()}.
   */
  public String ref() {
    return OPEN + name() + "}";
  }

  /** {@code text} with every {@link #ref()} in it named by {@code naming} (the CLI: its flag). */
  public static String word(String text, Function<Input, String> naming) {
    if (text == null || !text.contains(OPEN)) {
      return text;
    }
    return REF.matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(naming.apply(valueOf(m.group(1)))));
  }

  /** {@code text} with its references named by their plain labels. */
  public static String plain(String text) {
    return word(text, Input::label);
  }
}
