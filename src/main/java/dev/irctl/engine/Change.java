package dev.irctl.engine;

import java.util.List;

/**
 * One planned change to one resource, as a reviewer reads it. Each domain's changes implement this
 * and carry what their applier needs besides.
 */
public interface Change {
  ChangeAction action();

  /** The resource, e.g. {@code detector 12ab…} or {@code rule irctl-iam-mfa-deactivated}. */
  String resource();

  /** Why, in a few words: "no detector", "disabled", "frequency differs". */
  String reason();

  /** The fields that differ; empty for creates and deletes of whole resources. */
  List<FieldDiff> diffs();

  /** What a reviewer reads of a change, as one value. */
  record Description(ChangeAction action, String resource, String reason, List<FieldDiff> diffs) {
    public Description {
      diffs = List.copyOf(diffs);
    }

    /** A change of a whole resource: no field diffs. */
    public Description(ChangeAction action, String resource, String reason) {
      this(action, resource, reason, List.of());
    }

    // One factory per action, so each of the many change records says what it does in one line.

    public static Description create(String resource, String reason) {
      return new Description(ChangeAction.CREATE, resource, reason);
    }

    public static Description create(String resource, String reason, List<FieldDiff> diffs) {
      return new Description(ChangeAction.CREATE, resource, reason, diffs);
    }

    public static Description update(String resource, String reason) {
      return new Description(ChangeAction.UPDATE, resource, reason);
    }

    public static Description update(String resource, String reason, List<FieldDiff> diffs) {
      return new Description(ChangeAction.UPDATE, resource, reason, diffs);
    }

    public static Description delete(String resource, String reason) {
      return new Description(ChangeAction.DELETE, resource, reason);
    }
  }

  /**
   * A change that says what it does in one place ({@link #describe}) and inherits the four
   * accessors from it, so a domain's many small change records stay one method each.
   */
  interface Described extends Change {
    Description describe();

    @Override
    default ChangeAction action() {
      return describe().action();
    }

    @Override
    default String resource() {
      return describe().resource();
    }

    @Override
    default String reason() {
      return describe().reason();
    }

    @Override
    default List<FieldDiff> diffs() {
      return describe().diffs();
    }
  }
}
