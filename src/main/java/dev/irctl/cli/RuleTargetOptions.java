package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.TopicSpec;
import picocli.CommandLine.Option;

/**
 * {@code --event-bus} and {@code --topic-name}, shared by apply-rules and remove-rules and checked
 * offline.
 */
public final class RuleTargetOptions {
  @Option(
      names = "--event-bus",
      paramLabel = "NAME",
      defaultValue = ApplyRulesRequest.DEFAULT_BUS,
      description = "Event bus for the rules (default: ${DEFAULT-VALUE}).")
  String bus = ApplyRulesRequest.DEFAULT_BUS;

  @Option(
      names = "--topic-name",
      paramLabel = "NAME",
      defaultValue = TopicSpec.DEFAULT_NAME,
      description = "SNS topic name in each region (default: ${DEFAULT-VALUE}).")
  String topicName = TopicSpec.DEFAULT_NAME;

  public String bus() {
    if (!bus.matches("[/\\.\\-_A-Za-z0-9]{1,256}") || bus.startsWith("arn:")) {
      throw UserException.usage(
          "--event-bus '"
              + bus
              + "' is not an event bus name (letters, digits, . - _ /; not an ARN).");
    }
    return bus;
  }

  public String topicName() {
    if (!topicName.matches("[A-Za-z0-9_-]{1,256}")) {
      throw UserException.usage(
          "--topic-name '"
              + topicName
              + "' is not a standard SNS topic name (1-256 letters, digits, - and _; FIFO topics are not supported).");
    }
    return topicName;
  }
}
