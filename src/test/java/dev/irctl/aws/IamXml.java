package dev.irctl.aws;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** IAM and STS query-protocol responses as the services send them, and form bodies read back. */
final class IamXml {
  static final String ACCOUNT = "111122223333";
  static final String POLICY_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/irctl-guardduty-admin";
  private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

  private IamXml() {}

  /**
   * {@code
   * <ActionResponse><ActionResult>result</ActionResult><ResponseMetadata/></ActionResponse>}.
   */
  static String response(String action, String result) {
    return "<"
        + action
        + "Response xmlns=\""
        + IAM_NS
        + "\">\n"
        + "  <"
        + action
        + "Result>\n"
        + result
        + "\n  </"
        + action
        + "Result>\n"
        + "  <ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>\n"
        + "</"
        + action
        + "Response>";
  }

  /** A response without a result element (Attach*, DeletePolicyVersion, TagPolicy). */
  static String empty(String action) {
    return "<"
        + action
        + "Response xmlns=\""
        + IAM_NS
        + "\">\n"
        + "  <ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>\n"
        + "</"
        + action
        + "Response>";
  }

  static String policy(String defaultVersion, String tagsXml) {
    return "<Policy>"
        + "<PolicyName>irctl-guardduty-admin</PolicyName>"
        + "<DefaultVersionId>"
        + defaultVersion
        + "</DefaultVersionId>"
        + "<PolicyId>ANPAZ5EXAMPLE4EXAMPLE</PolicyId>"
        + "<Path>/</Path>"
        + "<Arn>"
        + POLICY_ARN
        + "</Arn>"
        + "<AttachmentCount>1</AttachmentCount>"
        + "<PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount>"
        + "<IsAttachable>true</IsAttachable>"
        + "<CreateDate>2024-05-01T12:00:00Z</CreateDate>"
        + "<UpdateDate>2024-05-02T12:00:00Z</UpdateDate>"
        + tagsXml
        + "</Policy>";
  }

  static String tags(String key, String value) {
    return "<Tags><member><Key>" + key + "</Key><Value>" + value + "</Value></member></Tags>";
  }

  /** IAM sends documents URL-encoded, spaces as %20. */
  static String policyVersion(String versionId, boolean isDefault, String document) {
    String encoded = URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    return "<PolicyVersion><Document>"
        + encoded
        + "</Document><VersionId>"
        + versionId
        + "</VersionId>"
        + "<IsDefaultVersion>"
        + isDefault
        + "</IsDefaultVersion><CreateDate>2024-05-02T12:00:00Z</CreateDate></PolicyVersion>";
  }

  static String versionMember(String versionId, boolean isDefault, String created) {
    return "<member><VersionId>"
        + versionId
        + "</VersionId><IsDefaultVersion>"
        + isDefault
        + "</IsDefaultVersion>"
        + "<CreateDate>"
        + created
        + "</CreateDate></member>";
  }

  static String noSuchEntity(String message) {
    return "<ErrorResponse xmlns=\""
        + IAM_NS
        + "\">\n"
        + "  <Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>"
        + message
        + "</Message></Error>\n"
        + "  <RequestId>4c9b6f4e-EXAMPLE</RequestId>\n"
        + "</ErrorResponse>";
  }

  static String callerIdentity(String arn, String account) {
    return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
        + "  <GetCallerIdentityResult><Arn>"
        + arn
        + "</Arn><UserId>AROAEXAMPLE:session</UserId>"
        + "<Account>"
        + account
        + "</Account></GetCallerIdentityResult>\n"
        + "  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>\n"
        + "</GetCallerIdentityResponse>";
  }

  /** A form-encoded query-protocol body as a map. */
  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.put(key, value);
    }
    return fields;
  }
}
