package dev.irctl.cli;

import dev.irctl.engine.account.PlanAndApply;
import dev.irctl.render.AccountResultRenderer;

/**
 * plan's and apply's progress: one plain line on stderr per region and part as it finishes (no
 * animation).
 */
final class AccountProgress {
  private AccountProgress() {}

  static PlanAndApply.Progress of(CommandContext context, AccountResultRenderer renderer) {
    return new PlanAndApply.Progress(
        r -> context.progress(renderer.progressLine(r)),
        r -> context.progress(renderer.progressLine(r)),
        r -> context.progress(renderer.progressLine(r)));
  }
}
