package dev.irctl.engine.run;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A read-only part that is only its name, where it runs and one plan function: the status reads
 * record what they saw and plan nothing, so a class each would repeat the same name and global
 * methods around a few lines of reading.
 */
public record NamedRead(
    String name,
    boolean global,
    UnaryOperator<List<String>> regionsOf,
    Function<PartContext, PartPlan> planner)
    implements ReadPart {

  /** Runs in every chosen region. */
  public static NamedRead regional(String name, Function<PartContext, PartPlan> planner) {
    return new NamedRead(name, false, chosen -> chosen, planner);
  }

  /** Runs in the regions {@code regionsOf} makes of the chosen ones. */
  public static NamedRead regional(
      String name, UnaryOperator<List<String>> regionsOf, Function<PartContext, PartPlan> planner) {
    return new NamedRead(name, false, regionsOf, planner);
  }

  /** Runs once per account. */
  public static NamedRead once(String name, Function<PartContext, PartPlan> planner) {
    return new NamedRead(name, true, chosen -> chosen, planner);
  }

  @Override
  public List<String> regions(List<String> chosen) {
    return regionsOf.apply(chosen);
  }

  @Override
  public PartPlan plan(PartContext context) {
    return planner.apply(context);
  }
}
