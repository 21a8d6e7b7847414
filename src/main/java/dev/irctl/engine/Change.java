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
}
