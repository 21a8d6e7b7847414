package dev.irctl.engine.delivery;

/** One word for a region's alert path, for status's delivery column; worst last. */
public enum DeliveryHealth {
  OK,
  /** Alerts arrive, but something weakens the path (pending subscribers, no DLQ, ...). */
  WARN,
  /**
   * The path up to the topic may work, but no one is subscribed to it (or no subscription is
   * confirmed yet): alerts reach no one until someone subscribes. A missing step, not a breakage: a
   * first run without subscriptions ends here.
   */
  NO_SUBSCRIBER,
  /** Alerts are lost or cannot be sent. */
  BROKEN
}
