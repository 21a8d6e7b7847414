package dev.irctl.render;

import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;

/**
 * A change as a reviewer reads it: {@code + create detector (no detector)} and one line per
 * differing field.
 */
public final class PlanText {
  private PlanText() {}

  public static String change(Change change) {
    String sign =
        switch (change.action()) {
          case CREATE -> "+";
          case UPDATE -> "~";
          case DELETE -> "-";
        };
    StringBuilder text =
        new StringBuilder(
            sign
                + " "
                + change.action().name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + change.resource()
                + " ("
                + change.reason()
                + ")");
    for (FieldDiff diff : change.diffs()) {
      text.append("\n        ")
          .append(diff.field())
          .append(": ")
          .append(FieldDiff.text(diff.before()))
          .append(" -> ")
          .append(FieldDiff.text(diff.after()));
    }
    return text.toString();
  }
}
