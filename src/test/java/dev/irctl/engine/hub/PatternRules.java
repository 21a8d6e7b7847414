package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.rules.DesiredRule;
import java.util.Map;

/** Hand-made irctl rules for forwarder tests: a name, a pattern, global or not. */
public final class PatternRules {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PatternRules() {}

  public static DesiredRule rule(String name, String pattern, boolean global) throws Exception {
    return new DesiredRule(
        name,
        name.substring("irctl-".length()),
        "t",
        "high",
        "d",
        JSON.readTree(pattern),
        "ENABLED",
        Map.of("managed-by", "irctl"),
        global,
        false,
        ConsoleSignIns.NONE);
  }
}
