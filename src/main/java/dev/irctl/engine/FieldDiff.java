package dev.irctl.engine;

/**
 * One field that differs between what exists and what should: {@code before} is null when absent.
 */
public record FieldDiff(String field, String before, String after) {
  public static FieldDiff of(String field, Object before, Object after) {
    return new FieldDiff(
        field, before == null ? null : before.toString(), after == null ? null : after.toString());
  }
}
