package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The check that keeps print-policy honest: every operation a wire test saw an adapter send must be
 * among the IAM actions that adapter declares. Each wire test calls {@link #assertDeclared} with
 * its recorded operations.
 */
public final class DeclaredActions {
  /**
   * SDK service name (as {@link WireMockAws} records it) to IAM action prefix. The SDK spells some
   * in CamelCase ({@code Iam}, {@code Sts}, {@code Ec2}); both spellings are accepted.
   */
  private static final Map<String, String> PREFIXES =
      Map.ofEntries(
          Map.entry("GuardDuty", "guardduty"),
          Map.entry("IAM", "iam"),
          Map.entry("Iam", "iam"),
          Map.entry("STS", "sts"),
          Map.entry("Sts", "sts"),
          Map.entry("EC2", "ec2"),
          Map.entry("Ec2", "ec2"),
          Map.entry("EventBridge", "events"),
          Map.entry("SNS", "sns"),
          Map.entry("Sns", "sns"),
          Map.entry("KMS", "kms"),
          Map.entry("Kms", "kms"),
          Map.entry("SQS", "sqs"),
          Map.entry("Sqs", "sqs"),
          Map.entry("CloudWatch", "cloudwatch"),
          Map.entry("CloudTrail", "cloudtrail"),
          Map.entry("CloudWatchLogs", "logs"),
          Map.entry("CloudWatch Logs", "logs"),
          Map.entry("Organizations", "organizations"),
          Map.entry("CloudFormation", "cloudformation"),
          Map.entry("SSM", "ssm"),
          Map.entry("Ssm", "ssm"));

  private DeclaredActions() {}

  /**
   * Fails naming each recorded operation (e.g. {@code IAM:CreatePolicy}) that no list in {@code
   * declared} has.
   */
  @SafeVarargs
  public static void assertDeclared(List<String> operations, List<AwsAction>... declared) {
    Set<String> names =
        Arrays.stream(declared)
            .flatMap(List::stream)
            .map(AwsAction::name)
            .collect(Collectors.toSet());
    TreeSet<String> undeclared = new TreeSet<>();
    for (String operation : operations) {
      String action = action(operation);
      if (!names.contains(action)) {
        undeclared.add(action);
      }
    }
    if (!undeclared.isEmpty()) {
      throw new AssertionError(
          "the adapter calls "
              + undeclared
              + " but does not declare it in its ACTIONS;"
              + " add it (read or write) so print-policy grants it");
    }
  }

  /**
   * {@code IAM:CreatePolicy} to {@code iam:CreatePolicy}: the SDK's operation names are IAM's
   * action names.
   */
  static String action(String operation) {
    int colon = operation.indexOf(':');
    String service = operation.substring(0, colon);
    String prefix = PREFIXES.get(service);
    if (prefix == null) {
      throw new AssertionError(
          "no IAM prefix known for SDK service '" + service + "'; add it to DeclaredActions");
    }
    return prefix + ":" + operation.substring(colon + 1);
  }
}
