package dev.irctl.engine.drill;

/** How one region's drill ended. */
public enum DeliveryStatus {
  /** The sample finding reached the drill queue through the topic. */
  DELIVERED,
  /** Nothing carrying the sample marker arrived within the timeout. */
  NOT_DELIVERED,
  /** An AWS call failed (the reason says which). */
  FAILED,
  /** Stopped before the end (Ctrl-C or an aborted run); the drill's resources were removed. */
  INTERRUPTED
}
