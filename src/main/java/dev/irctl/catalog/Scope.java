package dev.irctl.catalog;

import java.util.Locale;

/** Where a rule is deployed: where its events arrive. */
public enum Scope {
  /** In every region. */
  REGIONAL,
  /** Only in us-east-1, where events of global services (IAM, Organizations, ...) arrive. */
  GLOBAL;

  /** The region global rules are deployed in. */
  public static final String GLOBAL_REGION = "us-east-1";

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Scope fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
