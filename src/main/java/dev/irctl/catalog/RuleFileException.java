package dev.irctl.catalog;

/**
 * One problem with one rule file; the loader collects them so a user sees every broken file at
 * once.
 */
final class RuleFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RuleFileException(String message) {
    super(message);
  }
}
