package dev.irctl.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A policy document as people write them: two-space indent, one action per line, {@code "Key":
 * value}, and {@code \n} line ends on every platform, so the output is stable and diffs line by
 * line.
 */
public final class PolicyJson {
  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(INDENT)
          .withArrayIndenter(INDENT);

  private PolicyJson() {}

  public static String pretty(JsonNode policy) {
    try {
      return Json.mapper().writer(PRINTER).writeValueAsString(policy) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not render the policy", e);
    }
  }
}
