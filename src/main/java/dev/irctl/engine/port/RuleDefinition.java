package dev.irctl.engine.port;

import com.fasterxml.jackson.databind.JsonNode;

/** What PutRule sends: the whole rule, since PutRule replaces every field it is not given. */
public record RuleDefinition(
    String name, String description, JsonNode eventPattern, String state) {}
