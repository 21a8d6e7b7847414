package dev.irctl.engine.port;

/** A threat intel or trusted IP list the user wants present and active. */
public record ListSetSpec(ListKind kind, String name, String location, ListFormat format) {}
