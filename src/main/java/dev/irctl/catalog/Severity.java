package dev.irctl.catalog;

import java.util.Locale;

/** How urgently a responder should look; ordered from least to most urgent. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The spelling used in rule files and output: {@code low}, {@code medium}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Severity fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
