import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark data for bench/rules-match.sh, run as a single-file program (java bench/RulesMatchData.java OUT N).
 * Writes OUT/catalog/: a synthetic catalog shaped like the planned one (CIS and tamper rules on event-name lists,
 * GuardDuty severity thresholds, root usage, console sign-in without MFA, unauthorized calls), and OUT/records.jsonl:
 * N CloudTrail records, mostly everyday read traffic with a few percent that fire rules. No dependencies on purpose.
 */
public final class RulesMatchData {
  private static final String ACCOUNT = "111122223333";
  private static final String[] REGIONS = {"us-east-1", "eu-west-1", "eu-central-1", "us-west-2", "ap-southeast-2"};

  /** service, global?, event names the rule watches. */
  private static final String[][] EVENT_RULES = {
    {"iam", "global", "DeactivateMFADevice", "DeleteVirtualMFADevice"},
    {"iam", "global", "CreateAccessKey", "UpdateAccessKey", "DeleteAccessKey"},
    {"iam", "global", "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy",
        "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
        "SetDefaultPolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
        "AttachGroupPolicy", "DetachGroupPolicy"},
    {"iam", "global", "CreateUser", "CreateLoginProfile", "UpdateLoginProfile", "AddUserToGroup"},
    {"iam", "global", "UpdateAssumeRolePolicy", "CreateRole"},
    {"organizations", "global", "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit",
        "CreatePolicy", "DeclineHandshake", "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy",
        "DetachPolicy", "DisablePolicyType", "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization",
        "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit"},
    {"cloudtrail", "regional", "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "CreateTrail"},
    {"guardduty", "regional", "DeleteDetector", "UpdateDetector"},
    {"guardduty", "regional", "DisassociateFromMasterAccount", "DisassociateFromAdministratorAccount",
        "DisassociateMembers", "DeleteMembers", "StopMonitoringMembers"},
    {"guardduty", "regional", "CreateIPSet", "UpdateIPSet", "CreateFilter", "UpdateFilter"},
    {"events", "regional", "DeleteRule", "DisableRule", "RemoveTargets"},
    {"sns", "regional", "DeleteTopic", "SetTopicAttributes", "Unsubscribe"},
    {"kms", "regional", "DisableKey", "ScheduleKeyDeletion"},
    {"s3", "regional", "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle",
        "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle",
        "DeleteBucketReplication", "PutBucketPublicAccessBlock", "DeletePublicAccessBlock"},
    {"config", "regional", "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel",
        "PutConfigurationRecorder"},
    {"ec2", "regional", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
        "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup"},
    {"ec2", "regional", "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry",
        "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation"},
    {"ec2", "regional", "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway",
        "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway"},
    {"ec2", "regional", "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
        "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable"},
    {"ec2", "regional", "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
        "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
        "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink"},
    {"ec2", "regional", "TerminateInstances"},
  };

  /** Everyday calls that fire nothing: what most of a trail is. */
  private static final String[][] NOISE = {
    {"ec2", "DescribeInstances"}, {"ec2", "DescribeSecurityGroups"}, {"sts", "AssumeRole"},
    {"s3", "GetObject"}, {"s3", "PutObject"}, {"kms", "Decrypt"}, {"kms", "GenerateDataKey"},
    {"lambda", "Invoke"}, {"dynamodb", "GetItem"}, {"logs", "PutLogEvents"}, {"iam", "GetRole"},
    {"ec2", "RunInstances"}, {"cloudtrail", "LookupEvents"}, {"sqs", "ReceiveMessage"},
  };

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path catalog = out.resolve("catalog");
    Files.createDirectories(catalog);
    try (var files = Files.list(catalog)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    List<String> watched = writeCatalog(catalog);
    writeRecords(out.resolve("records.jsonl"), count, watched);
  }

  private static List<String> writeCatalog(Path dir) throws IOException {
    List<String> watched = new ArrayList<>();
    int n = 0;
    for (String[] rule : EVENT_RULES) {
      String service = rule[0];
      boolean global = rule[1].equals("global");
      List<String> names = List.of(rule).subList(2, rule.length);
      watched.addAll(names);
      String id = "bench-" + service + "-" + (++n);
      String pattern = "{\"source\":[\"aws." + service + "\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
          + "\"detail\":{\"eventSource\":[\"" + service + ".amazonaws.com\"],\"eventName\":" + list(names) + "}}";
      String region = global ? "us-east-1" : "eu-west-1";
      write(dir, id, global ? "global" : "regional", pattern,
          List.of(envelope(record(service, names.get(0), region, "IAMUser", false)),
              envelope(record(service, names.get(names.size() - 1), region, "IAMUser", false))),
          List.of(envelope(record(service, "Describe" + service, region, "IAMUser", false)),
              envelope(record("sts", "AssumeRole", region, "IAMUser", false))));
    }
    // GuardDuty findings: medium and up (4.0), high and up (7.0), as the issue asks.
    for (int threshold : new int[] {4, 7}) {
      String pattern = "{\"source\":[\"aws.guardduty\"],\"detail-type\":[\"GuardDuty Finding\"],"
          + "\"detail\":{\"severity\":[{\"numeric\":[\">=\"," + threshold + "]}]}}";
      write(dir, "bench-guardduty-severity-" + threshold, "regional", pattern,
          List.of(finding(threshold), finding(8.9)), List.of(finding(threshold - 0.1), finding(0.1)));
    }
    for (String[] signIn : new String[][] {{"no-mfa", "additionalEventData", "MFAUsed", "No", "Yes"},
        {"failure", "responseElements", "ConsoleLogin", "Failure", "Success"}}) {
      String pattern = "{\"source\":[\"aws.signin\"],\"detail-type\":[\"AWS Console Sign In via CloudTrail\"],"
          + "\"detail\":{\"eventName\":[\"ConsoleLogin\"],\"" + signIn[1] + "\":{\"" + signIn[2] + "\":[\"" + signIn[3] + "\"]}}}";
      write(dir, "bench-console-sign-in-" + signIn[0], "regional", pattern,
          List.of(signIn(signIn[1], signIn[2], signIn[3]), signIn(signIn[1], signIn[2], signIn[3])),
          List.of(signIn(signIn[1], signIn[2], signIn[4]), envelope(record("iam", "CreateUser", "us-east-1", "IAMUser", false))));
    }
    write(dir, "bench-root-usage", "regional",
        "{\"detail-type\":[\"AWS API Call via CloudTrail\",\"AWS Console Sign In via CloudTrail\"],\"detail\":{"
            + "\"userIdentity\":{\"type\":[\"Root\"]},\"invokedBy\":[{\"exists\":false}],"
            + "\"eventType\":[{\"anything-but\":\"AwsServiceEvent\"}]}}",
        List.of(envelope(record("iam", "CreateUser", "us-east-1", "Root", false)),
            envelope(record("ec2", "RunInstances", "eu-west-1", "Root", false))),
        List.of(envelope(record("iam", "CreateUser", "us-east-1", "IAMUser", false)),
            envelope(record("ec2", "RunInstances", "eu-west-1", "AssumedRole", false))));
    write(dir, "bench-unauthorized-calls", "regional",
        "{\"detail-type\":[\"AWS API Call via CloudTrail\"],\"detail\":{\"errorCode\":["
            + "{\"wildcard\":\"*UnauthorizedOperation\"},{\"prefix\":\"AccessDenied\"}]}}",
        List.of(envelope(record("ec2", "RunInstances", "eu-west-1", "IAMUser", true)),
            envelope(record("iam", "CreateUser", "us-east-1", "IAMUser", true))),
        List.of(envelope(record("ec2", "RunInstances", "eu-west-1", "IAMUser", false)),
            envelope(record("iam", "CreateUser", "us-east-1", "IAMUser", false))));
    return watched;
  }

  private static void writeRecords(Path file, int count, List<String> watched) throws IOException {
    Random random = new Random(42);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < count; i++) {
        String region = REGIONS[random.nextInt(REGIONS.length)];
        int dice = random.nextInt(100);
        String record;
        if (dice < 3) {
          String name = watched.get(random.nextInt(watched.size()));
          record = record(serviceOf(name), name, region, "IAMUser", false);
        } else if (dice < 4) {
          record = record("ec2", "RunInstances", region, dice % 2 == 0 ? "Root" : "IAMUser", true);
        } else {
          String[] noise = NOISE[random.nextInt(NOISE.length)];
          record = record(noise[0], noise[1], region, "AssumedRole", false);
        }
        out.write(record);
        out.write('\n');
      }
    }
  }

  private static String serviceOf(String eventName) {
    for (String[] rule : EVENT_RULES) {
      if (List.of(rule).subList(2, rule.length).contains(eventName)) {
        return rule[0];
      }
    }
    throw new IllegalArgumentException(eventName);
  }

  private static void write(Path dir, String id, String scope, String pattern, List<String> match, List<String> noMatch)
      throws IOException {
    String json = "{\"id\":\"" + id + "\",\"title\":\"Benchmark rule " + id + "\",\"description\":\"Synthetic rule for"
        + " bench/rules-match.sh.\",\"rationale\":\"Because the benchmark needs a catalog the size of the real one.\","
        + "\"severity\":\"medium\",\"category\":\"bench\",\"scope\":\"" + scope + "\",\"scopeNote\":\"synthetic\","
        + "\"eventPattern\":" + pattern + ",\"examples\":{\"match\":[" + String.join(",", match) + "],\"noMatch\":["
        + String.join(",", noMatch) + "]}}\n";
    Files.writeString(dir.resolve(id + ".json"), json);
  }

  /** A CloudTrail record about the size of a real one (about 1.3 KB). */
  private static String record(String service, String name, String region, String identity, boolean denied) {
    boolean readOnly = name.startsWith("Describe") || name.startsWith("Get") || name.startsWith("List") || name.startsWith("Lookup");
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"" + identity + "\",\"principalId\":\"AROAEXAMPLEID:alice\","
        + "\"arn\":\"arn:aws:sts::" + ACCOUNT + ":assumed-role/Admin/alice\",\"accountId\":\"" + ACCOUNT + "\","
        + "\"accessKeyId\":\"ASIAEXAMPLEKEY\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\","
        + "\"principalId\":\"AROAEXAMPLEID\",\"arn\":\"arn:aws:iam::" + ACCOUNT + ":role/Admin\",\"accountId\":\""
        + ACCOUNT + "\",\"userName\":\"Admin\"},\"attributes\":{\"creationDate\":\"2025-03-01T11:58:01Z\","
        + "\"mfaAuthenticated\":\"true\"}}},\"eventTime\":\"2025-03-01T12:00:00Z\",\"eventSource\":\"" + service
        + ".amazonaws.com\",\"eventName\":\"" + name + "\",\"awsRegion\":\"" + region + "\",\"sourceIPAddress\":"
        + "\"203.0.113.7\",\"userAgent\":\"aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5 md/arch#x86_64"
        + " lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe exec-env/CloudShell\","
        + (denied ? "\"errorCode\":\"Client.UnauthorizedOperation\",\"errorMessage\":\"You are not authorized.\"," : "")
        + "\"requestParameters\":{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0123456789abcdef0\"}]},"
        + "\"filterSet\":{},\"maxResults\":100},\"responseElements\":null,\"requestID\":"
        + "\"5b3c1f9e-2a71-4d7c-9b1e-0a2f3c4d5e6f\",\"eventID\":\"a1b2c3d4-e5f6-4a5b-8c7d-9e0f1a2b3c4d\","
        + "\"readOnly\":" + readOnly + ",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
        + "\"recipientAccountId\":\"" + ACCOUNT + "\",\"eventCategory\":\"Management\",\"tlsDetails\":{"
        + "\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\""
        + service + "." + region + ".amazonaws.com\"},\"sessionCredentialFromConsole\":\"true\"}";
  }

  private static String envelope(String record) {
    String region = record.replaceAll(".*\"awsRegion\":\"([^\"]+)\".*", "$1");
    String service = record.replaceAll(".*\"eventSource\":\"([^.]+)\\.amazonaws\\.com\".*", "$1");
    return "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws."
        + service + "\",\"account\":\"" + ACCOUNT + "\",\"time\":\"2025-03-01T12:00:00Z\",\"region\":\"" + region
        + "\",\"resources\":[],\"detail\":" + record + "}";
  }

  private static String finding(double severity) {
    return "{\"version\":\"0\",\"id\":\"gd-1\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\","
        + "\"account\":\"" + ACCOUNT + "\",\"time\":\"2025-03-01T12:00:00Z\",\"region\":\"eu-west-1\",\"resources\":[],"
        + "\"detail\":{\"schemaVersion\":\"2.0\",\"type\":\"Recon:EC2/PortProbeUnprotectedPort\",\"severity\":" + severity + "}}";
  }

  private static String signIn(String object, String field, String value) {
    String record = record("signin", "ConsoleLogin", "eu-west-1", "IAMUser", false)
        .replace("\"eventType\":\"AwsApiCall\"", "\"eventType\":\"AwsConsoleSignIn\"")
        .replace("\"responseElements\":null", "\"" + object + "\":{\"" + field + "\":\"" + value + "\"}");
    return envelope(record).replace("AWS API Call via CloudTrail", "AWS Console Sign In via CloudTrail");
  }

  private static String list(List<String> names) {
    return "[\"" + String.join("\",\"", names) + "\"]";
  }
}
