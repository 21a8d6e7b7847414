package dev.irctl.engine.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The policy install-policy installs: the seed's document (guardduty:* and the GuardDuty
 * service-linked role), kept verbatim in {@code policies/guardduty-admin.json} with the account id
 * and partition as placeholders.
 */
public final class GuardDutyAdminPolicy {
  public static final String DEFAULT_NAME = "irctl-guardduty-admin";
  public static final String DESCRIPTION =
      "Lets a principal enable and run GuardDuty (guardduty:* and its service-linked role). Managed by irctl.";
  private static final String RESOURCE = "/policies/guardduty-admin.json";
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");

  private GuardDutyAdminPolicy() {}

  /** The document for one account, as IAM will store it. */
  public static JsonNode document(String partition, String accountId) {
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("an AWS account id is 12 digits, got '" + accountId + "'");
    }
    if (!PARTITION.matcher(partition).matches()) {
      throw new IllegalArgumentException("not an AWS partition: '" + partition + "'");
    }
    String text = template().replace("${Partition}", partition).replace("${AccountId}", accountId);
    return PolicyDocuments.parse(text);
  }

  /** The policy's ARN: customer-managed policies live at the account's root path. */
  public static String policyArn(String partition, String accountId, String name) {
    return "arn:" + partition + ":iam::" + accountId + ":policy/" + name;
  }

  private static String template() {
    try (InputStream in = GuardDutyAdminPolicy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("could not read " + RESOURCE, e);
    }
  }
}
