package dev.irctl.engine.rules;

/**
 * What the SNS target receives: the whole matched event, or one short message for people reading
 * email.
 */
public enum MessageFormat {
  RAW,
  READABLE
}
