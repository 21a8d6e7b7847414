package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.rules.SubscriptionSpec;
import java.util.regex.Pattern;

/**
 * Parses {@code --subscribe email:addr | https:url | sqs:arn | lambda:arn}. An https URL may also
 * be given bare ({@code https://...}). Checked here so a typo is a usage error before any call, not
 * a subscription SNS refuses.
 */
final class SubscriptionOptionParser {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern SQS =
      Pattern.compile("arn:aws[a-z-]*:sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,80}(\\.fifo)?");
  private static final Pattern LAMBDA =
      Pattern.compile(
          "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?");

  private SubscriptionOptionParser() {}

  static SubscriptionSpec parse(String text) {
    String value = text.trim();
    if (value.startsWith("https://")) {
      return https(text, value);
    }
    int colon = value.indexOf(':');
    if (colon < 1) {
      throw invalid(
          text, "expected PROTOCOL:ENDPOINT with PROTOCOL one of email, https, sqs, lambda");
    }
    String protocol = value.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    String endpoint = value.substring(colon + 1);
    return switch (protocol) {
      case "email" -> check(text, protocol, endpoint, EMAIL, "an email address");
      case "https" -> https(text, endpoint);
      case "sqs" ->
          check(
              text, protocol, endpoint, SQS, "an SQS queue ARN (arn:aws:sqs:REGION:ACCOUNT:QUEUE)");
      case "lambda" ->
          check(
              text,
              protocol,
              endpoint,
              LAMBDA,
              "a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)");
      default ->
          throw invalid(
              text, "unknown protocol '" + protocol + "'; use email, https, sqs or lambda");
    };
  }

  private static SubscriptionSpec https(String text, String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
        return new SubscriptionSpec("https", url);
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw invalid(text, "the endpoint must be an https:// URL");
  }

  private static SubscriptionSpec check(
      String text, String protocol, String endpoint, Pattern pattern, String what) {
    if (!pattern.matcher(endpoint).matches()) {
      throw invalid(text, "the endpoint must be " + what);
    }
    return new SubscriptionSpec(protocol, endpoint);
  }

  private static UserException invalid(String text, String why) {
    return UserException.usage("--subscribe '" + text + "' is not valid: " + why + ".");
  }
}
