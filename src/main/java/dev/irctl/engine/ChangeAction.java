package dev.irctl.engine;

/** What a planned change does to a resource. */
public enum ChangeAction {
  CREATE,
  UPDATE,
  DELETE
}
