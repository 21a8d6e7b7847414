package dev.irctl.engine.delivery;

/** One word for a region's alert path, for status's delivery column. */
public enum DeliveryHealth {
  OK,
  /** Alerts arrive, but something weakens the path (pending subscribers, no DLQ, ...). */
  WARN,
  /** Alerts are lost or cannot be sent. */
  BROKEN
}
