package dev.irctl.engine;

/**
 * A value the user gave that an engine error or reason is about. The engine names it by this kind
 * only; the CLI words it with its flag ({@code cli.Flags}), another front end with its own name.
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
  ADMIN_ACCOUNT("delegated administrator account");

  private final String label;

  Input(String label) {
    this.label = label;
  }

  /** A plain name, without any front end's syntax: {@code KMS key}, {@code category}. */
  public String label() {
    return label;
  }
}
