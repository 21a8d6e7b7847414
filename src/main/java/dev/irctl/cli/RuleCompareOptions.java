package dev.irctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * status' rule flags: doctor's, plus where the rules alert (the hub) and the topic's key and
 * subscriptions, which status compares with the topic as apply-rules would make it. Not --prune:
 * status never deletes, it counts orphans.
 */
@Command
public class RuleCompareOptions extends RuleCheckOptions {
  @Mixin RuleHubOption hub;

  @Option(
      names = "--kms-key",
      paramLabel = "KEY",
      description = "Encrypt the topic with this customer managed KMS key (id, ARN or alias/NAME).")
  String kmsKey;

  @Option(
      names = "--subscribe",
      paramLabel = "PROTOCOL:ENDPOINT",
      description =
          "Subscribe email:ADDRESS, https:URL, sqs:QUEUE_ARN or lambda:FUNCTION_ARN to the topic (repeatable).")
  List<String> subscriptions = new ArrayList<>();

  @Override
  Optional<String> hubRegion() {
    return hub.hubRegion();
  }

  @Override
  String kmsKey() {
    return kmsKey;
  }

  @Override
  List<String> subscriptions() {
    return subscriptions;
  }
}
