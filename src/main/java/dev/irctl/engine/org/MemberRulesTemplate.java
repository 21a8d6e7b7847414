package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.hub.ForwarderRules;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.RuleScopes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The CloudFormation templates that put irctl's rules into every member account, generated from the
 * same desired rules as {@code apply-rules} (catalog, selection, parameters).
 *
 * <p><b>Rules template</b> (stack set {@code irctl-member-rules}, one instance per account and
 * region): the forwarder rules of single-account hub mode ({@link ForwarderRules}, one per source,
 * {@code irctl-forward-<source>}), cut so that one event matches at most one of them, on the
 * default bus, each forwarding to the security account's hub default bus through the role {@code
 * irctl-event-forwarder}. One rule per catalog rule would send an event that k rules match to the
 * hub k times, and fire each hub rule k times. The forwarders are made from the selected rules
 * whose events happen in member accounts: GuardDuty finding rules are left out, members' findings
 * already reach the administrator account's EventBridge in every region. Global-scope rules (IAM,
 * Organizations) are forwarded only in a partition's home region ({@code InGlobalRegion}), where
 * their events arrive; {@link MemberForwarders} merges both regions' forwarder sets into one
 * template.
 *
 * <p><b>Role template</b> (stack set {@code irctl-member-role}, one instance per account in one
 * region). IAM is global, so the role must exist exactly once per account. A condition on one
 * region of the rules stack set would tie the role's life to that region's instance: not selecting
 * that region leaves every rule without its role, and removing that region's instance deletes the
 * role under the rules still running elsewhere. A separate global stack set, deployed to one region
 * before the rules and removed after them, gives the role its own lifecycle; new accounts get it by
 * the same automatic deployment. The rules reference the role by its ARN, which is known in advance
 * because the name is fixed.
 *
 * <p>Templates are compact JSON: CloudFormation accepts up to 51,200 bytes inline ({@link
 * #INLINE_LIMIT}); beyond that the template must come from S3 (up to 1 MB), see {@link
 * #fitsInline}.
 */
public final class MemberRulesTemplate {
  /** CloudFormation's inline TemplateBody limit (bytes). */
  public static final int INLINE_LIMIT = 51_200;

  public static final String RULES_STACK_SET = "irctl-member-rules";
  public static final String ROLE_STACK_SET = "irctl-member-role";

  /** The same role, by name and policy name, as the hub's forwarder role in the own account. */
  public static final String ROLE_NAME = dev.irctl.engine.hub.ForwarderRole.NAME;

  public static final String TARGET_ID = "irctl-hub";
  public static final String PARAM_ACCOUNT = "SecurityAccountId";
  public static final String PARAM_HUB_REGION = "HubRegion";
  static final String CONDITION_GLOBAL = "InGlobalRegion";
  static final String CONDITION_NOT_GLOBAL = "NotInGlobalRegion";

  static final String HUB_BUS_ARN =
      "arn:${AWS::Partition}:events:${HubRegion}:${SecurityAccountId}:event-bus/default";
  static final String ROLE_ARN = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/" + ROLE_NAME;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private MemberRulesTemplate() {}

  /** Whether a rule's events happen in member accounts (not GuardDuty findings). */
  public static boolean runsInMembers(DesiredRule rule) {
    JsonNode types = rule.pattern().path("detail-type");
    for (JsonNode type : types) {
      if ("GuardDuty Finding".equals(type.asText())) {
        return false;
      }
    }
    return true;
  }

  /** The rules that go into the template, in catalog order. */
  public static List<DesiredRule> memberRules(List<DesiredRule> rules) {
    return rules.stream().filter(MemberRulesTemplate::runsInMembers).toList();
  }

  /**
   * The rules template as a JSON tree.
   *
   * @throws OrgInputException when a member rule's pattern cannot be cut into forwarders
   */
  public static ObjectNode rules(List<DesiredRule> desired, String catalogVersion) {
    List<DesiredRule> members = memberRules(desired);
    members.stream()
        .filter(rule -> !ForwarderRules.forwardable(rule))
        .findFirst()
        .ifPresent(
            rule -> {
              throw new OrgInputException(
                  OrgInputException.Kind.UNFORWARDABLE_RULE,
                  "rule "
                      + rule.ruleId()
                      + " does not name its detail-types exactly: member accounts forward each"
                      + " event to the hub once, through forwarders cut by detail-type, and this"
                      + " rule's pattern cannot be cut. Give its pattern an exact detail-type list,"
                      + " or leave the rule out of the selection.");
            });
    ObjectNode template = NODES.objectNode();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put(
        "Description",
        "irctl rules (catalog "
            + catalogVersion
            + ") forwarding to the security account's hub bus");
    ObjectNode parameters = template.putObject("Parameters");
    parameters(parameters);
    conditions(template.putObject("Conditions"));
    ObjectNode resources = template.putObject("Resources");
    MemberForwarders.of(members)
        .forEach(
            forwarder -> {
              String id = logicalId(forwarder.name());
              if (resources.has(id)) {
                throw new IllegalStateException(
                    "two forwarders map to the logical id " + id + ": " + forwarder.name());
              }
              resources.set(id, forwarder.resource());
            });
    return template;
  }

  /**
   * {@code InGlobalRegion}: the region is a partition's home region (region names are unique across
   * partitions, so one Or of Equals serves every partition, and a partition without a home region
   * simply has none); {@code NotInGlobalRegion}: its negation.
   */
  private static void conditions(ObjectNode conditions) {
    ArrayNode any = conditions.putObject(CONDITION_GLOBAL).putArray("Fn::Or");
    for (String home : RuleScopes.homeRegions()) {
      ArrayNode equals = any.addObject().putArray("Fn::Equals");
      equals.addObject().put("Ref", "AWS::Region");
      equals.add(home);
    }
    conditions
        .putObject(CONDITION_NOT_GLOBAL)
        .putArray("Fn::Not")
        .addObject()
        .put("Condition", CONDITION_GLOBAL);
  }

  private static void parameters(ObjectNode parameters) {
    ObjectNode account = parameters.putObject(PARAM_ACCOUNT);
    account.put("Type", "String");
    account.put("AllowedPattern", "^\\d{12}$");
    account.put("Description", "The security account whose hub bus receives the events");
    ObjectNode region = parameters.putObject(PARAM_HUB_REGION);
    region.put("Type", "String");
    region.put("AllowedPattern", "^[a-z]{2}(-[a-z]+)+-\\d$");
    region.put("Description", "The region of the hub bus");
  }

  /** The role template: the forwarder role, allowed only PutEvents on the hub bus. */
  public static ObjectNode role() {
    ObjectNode template = NODES.objectNode();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put("Description", "irctl: the role EventBridge uses to forward to the hub bus");
    parameters(template.putObject("Parameters"));
    ObjectNode role = template.putObject("Resources").putObject("ForwarderRole");
    role.put("Type", "AWS::IAM::Role");
    ObjectNode properties = role.putObject("Properties");
    properties.put("RoleName", ROLE_NAME);
    properties.put("Description", "EventBridge forwards irctl rule matches to the hub bus");
    ObjectNode trust = properties.putObject("AssumeRolePolicyDocument");
    trust.put("Version", "2012-10-17");
    ObjectNode assume = trust.putArray("Statement").addObject();
    assume.put("Effect", "Allow");
    assume.putObject("Principal").put("Service", "events.amazonaws.com");
    assume.put("Action", "sts:AssumeRole");
    // Only EventBridge acting for this account's own rules may use the role.
    assume
        .putObject("Condition")
        .putObject("StringEquals")
        .putObject("aws:SourceAccount")
        .put("Ref", "AWS::AccountId");
    ObjectNode policy = properties.putArray("Policies").addObject();
    policy.put("PolicyName", dev.irctl.engine.hub.ForwarderRole.POLICY_NAME);
    ObjectNode document = policy.putObject("PolicyDocument");
    document.put("Version", "2012-10-17");
    ObjectNode put = document.putArray("Statement").addObject();
    put.put("Effect", "Allow");
    put.put("Action", "events:PutEvents");
    put.putObject("Resource").put("Fn::Sub", HUB_BUS_ARN);
    ArrayNode tags = properties.putArray("Tags");
    tags.addObject().put("Key", Ownership.TAG_KEY).put("Value", Ownership.TAG_VALUE);
    return template;
  }

  /** The parameters file: {@code [{"ParameterKey":..,"ParameterValue":..}]}, as the CLI reads. */
  public static ArrayNode parametersFile(String securityAccountId, String hubRegion) {
    ArrayNode file = NODES.arrayNode();
    file.addObject().put("ParameterKey", PARAM_ACCOUNT).put("ParameterValue", securityAccountId);
    file.addObject().put("ParameterKey", PARAM_HUB_REGION).put("ParameterValue", hubRegion);
    return file;
  }

  /** Compact JSON, the form sent as TemplateBody. */
  public static String body(JsonNode template) {
    try {
      return JSON.writeValueAsString(template);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static int bytes(JsonNode template) {
    return body(template).getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Whether the template can be sent inline. When it cannot, it has to be uploaded to an S3 bucket
   * irctl owns in the administering region and passed as TemplateURL (limit 1 MB).
   */
  public static boolean fitsInline(JsonNode template) {
    return bytes(template) <= INLINE_LIMIT;
  }

  /** {@code irctl-forward-aws.iam} to {@code ForwardAwsIam}. */
  static String logicalId(String forwarderName) {
    StringBuilder id = new StringBuilder("Forward");
    String rest = forwarderName.substring(ForwarderRules.NAME_PREFIX.length());
    for (String part : rest.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        id.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return id.toString();
  }
}
