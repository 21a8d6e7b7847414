package dev.irctl.engine;

/**
 * The desired state cannot be reached without touching something irctl must not; fails that region.
 */
public final class PlanConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlanConflictException(String message) {
    super(message);
  }
}
