package dev.irctl.engine.port;

import java.util.Optional;

/**
 * A rule as ListRules returns it; {@code eventPattern} is AWS's JSON string, empty for
 * schedule-only rules.
 */
public record BusRule(
    String name,
    String arn,
    Optional<String> eventPattern,
    String state,
    Optional<String> description) {}
