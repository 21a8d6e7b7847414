package dev.irctl.catalog;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** A background task's result, taken on the calling thread. */
final class TaskResult {
  private TaskResult() {}

  /**
   * Waits for {@code task}. A RuntimeException it threw (a usage error naming the file, above all)
   * is thrown here as it was, so the user sees the same message as if the work had run here.
   */
  static <T> T of(Future<T> task, String waitingFor) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + waitingFor, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
