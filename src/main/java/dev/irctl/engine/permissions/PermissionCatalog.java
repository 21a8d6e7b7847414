package dev.irctl.engine.permissions;

import java.util.List;
import java.util.Set;

/**
 * The AWS actions each irctl command's adapters call, as the adapters declare them. The aws package
 * implements it (it knows its adapters); print-policy reads it through the root command, so the CLI
 * never imports the adapters.
 */
public interface PermissionCatalog {
  /** The irctl commands that call AWS, in a stable order. */
  Set<String> commands();

  /** The commands a read-only role runs (print-policy --read-only without --command). */
  default Set<String> readOnlyCommands() {
    return commands();
  }

  /** Every action the command's adapters declare; reads only for the read-only commands. */
  List<AwsAction> actions(String command);

  /** A catalog of nothing (a ports factory that is not AWS's, e.g. an offline test's). */
  PermissionCatalog NONE =
      new PermissionCatalog() {
        @Override
        public Set<String> commands() {
          return Set.of();
        }

        @Override
        public List<AwsAction> actions(String command) {
          throw new IllegalArgumentException("unknown command: " + command);
        }
      };
}
