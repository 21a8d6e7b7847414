package dev.irctl.engine.run;

import java.util.Set;

/**
 * A part that runs once per account (IAM, Organizations, the hub's bus policy, the member stack
 * sets): its name, that it is global, and the parts it waits for, said once in the constructor.
 *
 * <p>An abstract base rather than a value the parts compose with: {@link Part} asks each part for
 * {@code name()}, {@code global()} and {@code after()}, so a composed value would still need the
 * same three forwarding methods in every part, which is the repetition this removes. The base holds
 * only that identity; reading, planning and applying stay wholly in each part.
 */
public abstract class GlobalPart implements Part {
  private final String name;
  private final Set<String> after;

  /** {@code after}: names of the parts that must have finished everywhere before this plans. */
  protected GlobalPart(String name, String... after) {
    this.name = name;
    this.after = Set.of(after);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean global() {
    return true;
  }

  @Override
  public final Set<String> after() {
    return after;
  }
}
