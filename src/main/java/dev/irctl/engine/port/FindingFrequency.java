package dev.irctl.engine.port;

/**
 * How often GuardDuty publishes updates to existing findings (new findings arrive within minutes
 * anyway).
 */
public enum FindingFrequency {
  FIFTEEN_MINUTES,
  ONE_HOUR,
  SIX_HOURS
}
