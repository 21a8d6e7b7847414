package dev.irctl.catalog;

/**
 * One result of {@link CatalogValidator}: an error makes {@code rules validate} fail, a warning
 * does not.
 */
public record Finding(Level level, String ruleId, String file, String message) {
  public enum Level {
    ERROR,
    WARNING
  }

  static Finding error(Rule rule, String message) {
    return new Finding(Level.ERROR, rule.id(), rule.file(), message);
  }

  static Finding warning(Rule rule, String message) {
    return new Finding(Level.WARNING, rule.id(), rule.file(), message);
  }

  /** A finding about the catalog as a whole (quotas), not about one rule. */
  static Finding catalog(Level level, String message) {
    return new Finding(level, "(catalog)", "catalog", message);
  }

  public boolean isError() {
    return level == Level.ERROR;
  }
}
