package dev.irctl.engine.permissions;

import java.util.Optional;

/**
 * An IAM action an adapter calls, e.g. {@code guardduty:CreateDetector}; {@code write} when it
 * changes anything, so {@code print-policy --read-only} can leave it out. {@code scope} narrows the
 * resource (and adds a condition) where the action must not be granted on {@code *}.
 */
public record AwsAction(String name, boolean write, Optional<ActionScope> scope) {
  public AwsAction {
    if (!name.matches("[a-z0-9-]+:[A-Za-z0-9*]+")) {
      throw new IllegalArgumentException("not an IAM action name: " + name);
    }
  }

  public static AwsAction read(String name) {
    return new AwsAction(name, false, Optional.empty());
  }

  public static AwsAction write(String name) {
    return new AwsAction(name, true, Optional.empty());
  }

  /** The same action, granted only on the scope's resource and condition. */
  public AwsAction scopedTo(ActionScope scope) {
    return new AwsAction(name, write, Optional.of(scope));
  }

  /** The service prefix: {@code guardduty} of {@code guardduty:CreateDetector}. */
  public String service() {
    return name.substring(0, name.indexOf(':'));
  }
}
