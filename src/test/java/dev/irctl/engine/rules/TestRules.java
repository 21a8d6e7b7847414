package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.catalog.ConsoleSignIns;
import java.util.Map;

/** The desired rules the engine tests plan with: irctl's name, tags and wording for an id. */
public final class TestRules {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestRules() {}

  /** Rule {@code id} with {@code pattern} (JSON), enabled, tagged as irctl writes it. */
  public static DesiredRule rule(
      String id, String pattern, boolean global, ConsoleSignIns consoleSignIns) {
    try {
      return new DesiredRule(
          "irctl-" + id,
          id,
          "Title " + id,
          "high",
          "description " + id,
          JSON.readTree(pattern),
          "ENABLED",
          Map.of("managed-by", "irctl", "irctl:rule-id", id, "irctl:catalog-version", "1"),
          global,
          false,
          consoleSignIns);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
