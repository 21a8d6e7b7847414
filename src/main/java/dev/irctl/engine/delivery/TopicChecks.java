package dev.irctl.engine.delivery;

import static dev.irctl.engine.delivery.DeliveryFinding.broken;
import static dev.irctl.engine.delivery.DeliveryFinding.noSubscriber;
import static dev.irctl.engine.delivery.DeliveryFinding.warn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.Input;
import dev.irctl.engine.PolicyStatements;
import dev.irctl.engine.port.SubscriptionPort.TopicSubscription;
import dev.irctl.engine.rules.KeyPolicyCheck;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The topic's side of the path: its policy, its key, its subscribers. Pure functions. */
final class TopicChecks {
  static final String EVENTS = "events.amazonaws.com";
  static final String CLOUDWATCH = "cloudwatch.amazonaws.com";
  static final String AWS_MANAGED_SNS_ALIAS = "alias/aws/sns";

  /**
   * Condition keys that AWS leaves out of a service principal's request context: an Allow that
   * requires them never matches EventBridge's calls.
   */
  static final Set<String> ABSENT_FOR_SERVICES =
      Set.of(
          "aws:sourceip",
          "aws:sourcevpc",
          "aws:sourcevpce",
          "aws:vpcsourceip",
          "aws:principalorgid",
          "aws:principalorgpaths",
          "aws:principalarn",
          "aws:principaltag",
          "aws:userid",
          "aws:username");

  private TopicChecks() {}

  static List<DeliveryFinding> topicPolicy(RegionFacts facts) {
    if (facts.topicAttributes().isEmpty()) {
      return List.of(
          broken(
              FindingKind.TOPIC_MISSING,
              "topic " + facts.topicArn() + " does not exist: rules have nowhere to send alerts",
              "Create the topic and its subscriptions again (irctl apply-rules does both)."));
    }
    List<DeliveryFinding> findings = new ArrayList<>();
    List<JsonNode> statements =
        PolicyStatements.of(facts.topicAttributes().get().getOrDefault("Policy", "{}"));
    List<JsonNode> publishing =
        statements.stream()
            .filter(
                s ->
                    PolicyStatements.coversService(s, EVENTS)
                        && PolicyStatements.coversAction(s, "sns:Publish"))
            .toList();
    boolean allowed = publishing.stream().anyMatch(PolicyStatements::allows);
    boolean denied = publishing.stream().anyMatch(PolicyStatements::denies);
    if (!allowed || denied) {
      findings.add(
          broken(
              FindingKind.TOPIC_POLICY_DENIES_EVENTBRIDGE,
              "the policy of "
                  + facts.topicArn()
                  + (denied ? " denies " : " does not allow ")
                  + EVENTS
                  + " sns:Publish: every alert fails silently (FailedInvocations)",
              "Allow the service principal events.amazonaws.com sns:Publish on the topic, limited"
                  + " by aws:SourceAccount, and remove any Deny that covers it."));
    }
    boolean cloudWatch =
        statements.stream()
            .anyMatch(
                s ->
                    PolicyStatements.allows(s)
                        && PolicyStatements.namesService(s, CLOUDWATCH)
                        && PolicyStatements.coversAction(s, "sns:Publish"));
    if (cloudWatch && !allowed) {
      findings.add(
          warn(
              FindingKind.TOPIC_POLICY_CLOUDWATCH_PRINCIPAL,
              "the topic policy grants sns:Publish to "
                  + CLOUDWATCH
                  + " (CloudWatch alarms), not to "
                  + EVENTS
                  + " (EventBridge rules)",
              "Grant sns:Publish to events.amazonaws.com; cloudwatch.amazonaws.com is only for"
                  + " alarms."));
    }
    return findings;
  }

  static List<DeliveryFinding> key(RegionFacts facts) {
    String keyId =
        facts.topicAttributes().map(a -> a.getOrDefault("KmsMasterKeyId", "")).orElse("");
    if (keyId.isEmpty()) {
      return List.of();
    }
    if (keyId.equals(AWS_MANAGED_SNS_ALIAS)
        || keyId.endsWith(":" + AWS_MANAGED_SNS_ALIAS)
        || facts.key().map(RegionFacts.KeyFacts::awsManaged).orElse(false)) {
      return List.of(
          broken(
              FindingKind.KMS_AWS_MANAGED_KEY,
              "the topic is encrypted with the AWS-managed key "
                  + keyId
                  + ", whose policy cannot let EventBridge use it: every alert is dropped",
              "Encrypt the topic with a customer-managed key whose policy lets"
                  + " events.amazonaws.com use kms:Decrypt and kms:GenerateDataKey*."));
    }
    if (facts.key().isEmpty() || facts.key().get().policy().isEmpty()) {
      return List.of();
    }
    List<DeliveryFinding> findings = new ArrayList<>();
    List<JsonNode> grants = KeyPolicyCheck.grants(facts.key().get().policy().get());
    List<String> missing =
        KeyPolicyCheck.missingActions(grants).stream()
            .map(action -> action.equals("kms:GenerateDataKey") ? "kms:GenerateDataKey*" : action)
            .toList();
    String keyArn = facts.key().get().arn();
    if (!missing.isEmpty()) {
      findings.add(
          broken(
              FindingKind.KMS_KEY_POLICY_MISSING_EVENTBRIDGE,
              "the policy of key "
                  + keyArn
                  + " does not let "
                  + EVENTS
                  + " use "
                  + String.join(" and ", missing)
                  + ": EventBridge cannot publish to the encrypted topic",
              "Add a key-policy statement allowing events.amazonaws.com kms:Decrypt and"
                  + " kms:GenerateDataKey*."));
    }
    for (JsonNode grant : grants) {
      List<String> absent = absentConditionKeys(grant.path("Condition"));
      if (!absent.isEmpty()) {
        findings.add(
            broken(
                FindingKind.KMS_KEY_POLICY_CONDITION,
                "the statement of key "
                    + keyArn
                    + " that lets EventBridge use it requires "
                    + String.join(", ", absent)
                    + ", which a service principal's request never carries: it never applies",
                "Remove those conditions from the EventBridge statement; limit it with"
                    + " aws:SourceAccount instead."));
      }
    }
    return findings;
  }

  /** Condition keys under operators without {@code IfExists} that services never send. */
  static List<String> absentConditionKeys(JsonNode condition) {
    List<String> absent = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> operator = operators.next();
      if (operator.getKey().endsWith("IfExists") || operator.getKey().equals("Null")) {
        continue;
      }
      operator
          .getValue()
          .fieldNames()
          .forEachRemaining(
              key -> {
                String lower = key.toLowerCase(java.util.Locale.ROOT);
                String base = lower.contains("/") ? lower.substring(0, lower.indexOf('/')) : lower;
                if (ABSENT_FOR_SERVICES.contains(base)) {
                  absent.add(key);
                }
              });
    }
    return absent;
  }

  static List<DeliveryFinding> subscriptions(RegionFacts facts) {
    if (facts.topicAttributes().isEmpty()) {
      return List.of();
    }
    List<TopicSubscription> subscriptions = facts.subscriptions();
    long pending = subscriptions.stream().filter(TopicSubscription::pending).count();
    List<DeliveryFinding> findings = new ArrayList<>();
    if (pending == subscriptions.size()) {
      findings.add(
          pending == 0
              ? noSubscriber(
                  FindingKind.NO_CONFIRMED_SUBSCRIPTION,
                  "the topic has no subscription: alerts reach no one",
                  "Subscribe an endpoint: run apply-rules (or apply) with "
                      + Input.SUBSCRIBE.ref()
                      + " email:ADDRESS (or rules.subscriptions in irctl.yaml), then confirm it"
                      + " (for email, click the link AWS sends).")
              : noSubscriber(
                  FindingKind.NO_CONFIRMED_SUBSCRIPTION,
                  "the topic has no confirmed subscription yet: alerts reach no one",
                  "Confirm a pending subscription (for email, click the link AWS sent), or"
                      + " subscribe another endpoint with "
                      + Input.SUBSCRIBE.ref()
                      + "."));
    }
    if (pending > 0) {
      findings.add(
          warn(
              FindingKind.SUBSCRIPTIONS_PENDING,
              pending
                  + " subscription(s) still pending confirmation: "
                  + String.join(
                      ", ",
                      subscriptions.stream()
                          .filter(TopicSubscription::pending)
                          .map(s -> s.protocol() + ":" + s.endpoint())
                          .toList()),
              "Confirm them from the message AWS sent to each endpoint, or subscribe them again."));
    }
    if (facts.readableMessages()
        && subscriptions.stream().anyMatch(s -> s.endpoint().contains(".chatbot.amazonaws.com"))) {
      findings.add(
          warn(
              FindingKind.READABLE_FORMAT_WITH_CHAT,
              "rules send readable text, but a chat integration (AWS Chatbot) subscribes to the"
                  + " topic: it delivers only unmodified EventBridge events",
              "Send the raw event format, or give the chat integration its own topic."));
    }
    return findings;
  }
}
