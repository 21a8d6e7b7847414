package dev.irctl.fakes;

import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.run.Mode;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.Progress;
import dev.irctl.engine.run.Runner;
import java.util.List;
import java.util.Map;

/** Runs parts through the real runner on the fakes, as a command would (identity once). */
public final class PartRun {
  private PartRun() {}

  public static List<PartResult> run(
      Ports ports, int concurrency, List<String> regions, Part part, boolean dryRun) {
    return run(ports, concurrency, regions, List.of(part), dryRun);
  }

  /** Several parts in one run, as apply-rules runs the rules and the forwarder role. */
  public static List<PartResult> run(
      Ports ports, int concurrency, List<String> regions, List<Part> parts, boolean dryRun) {
    Runner runner = new Runner(ports, concurrency, Progress.NONE);
    return runner
        .run(
            runner.identify(),
            new RegionSelection(regions, List.of(), Map.of(), List.of()),
            parts,
            dryRun ? Mode.PLAN : Mode.APPLY,
            List.of())
        .results();
  }
}
