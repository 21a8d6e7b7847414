package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.hub.ForwarderRules;
import dev.irctl.engine.rules.DesiredRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The forwarder rules of the member template: the hub's own cut ({@link ForwarderRules}), so an
 * event reaches the hub bus once however many irctl rules match it, made once for a home region
 * (every member rule, global ones included) and once for every other region (no global rule).
 *
 * <p>One template serves every region, so both sets share one resource per forwarder name. A name
 * in both sets is unconditioned, and where its pattern or state differ the property is an {@code
 * Fn::If} on {@code InGlobalRegion}; a name in one set only carries that set's condition. The
 * logical id follows from the name alone: in any region, a forwarder keeps its logical id from one
 * catalog version to the next, so a template update changes it in place and never creates a second
 * rule of the same name under a new id (which would collide, then delete the first).
 */
final class MemberForwarders {
  /** Fixed: the forwarders' own descriptions name one hub region, the template's is a parameter. */
  static final String DESCRIPTION =
      "irctl: forwards the events irctl's rules match to the security account's hub bus";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Only tags and descriptions, which the template does not use, take the hub region. */
  private static final String HUB = "${" + MemberRulesTemplate.PARAM_HUB_REGION + "}";

  record Forwarder(String name, ObjectNode resource) {}

  private MemberForwarders() {}

  /** The forwarders for {@code members} (the member rules), sorted by name. */
  static List<Forwarder> of(List<DesiredRule> members) {
    Map<String, DesiredRule> home = byName(ForwarderRules.forRegion(members, HUB));
    Map<String, DesiredRule> elsewhere =
        byName(
            ForwarderRules.forRegion(
                members.stream().filter(rule -> !rule.global()).toList(), HUB));
    TreeSet<String> names = new TreeSet<>(home.keySet());
    names.addAll(elsewhere.keySet());
    return names.stream()
        .map(name -> new Forwarder(name, resource(home.get(name), elsewhere.get(name))))
        .toList();
  }

  private static Map<String, DesiredRule> byName(List<DesiredRule> forwarders) {
    return forwarders.stream()
        .collect(
            Collectors.toMap(DesiredRule::name, Function.identity(), (a, b) -> a, TreeMap::new));
  }

  /** {@code home} or {@code elsewhere} may be null (the name is in one set only), not both. */
  private static ObjectNode resource(DesiredRule home, DesiredRule elsewhere) {
    ObjectNode resource = NODES.objectNode();
    resource.put("Type", "AWS::Events::Rule");
    if (elsewhere == null) {
      resource.put("Condition", MemberRulesTemplate.CONDITION_GLOBAL);
    } else if (home == null) {
      resource.put("Condition", MemberRulesTemplate.CONDITION_NOT_GLOBAL);
    }
    DesiredRule either = home != null ? home : elsewhere;
    ObjectNode properties = resource.putObject("Properties");
    properties.put("Name", either.name());
    properties.put("Description", DESCRIPTION);
    properties.put("EventBusName", "default");
    properties.set(
        "EventPattern",
        choose(
            home == null ? null : home.pattern(), elsewhere == null ? null : elsewhere.pattern()));
    properties.set(
        "State",
        choose(
            home == null ? null : NODES.textNode(home.state()),
            elsewhere == null ? null : NODES.textNode(elsewhere.state())));
    ObjectNode target = properties.putArray("Targets").addObject();
    target.put("Id", MemberRulesTemplate.TARGET_ID);
    target.putObject("Arn").put("Fn::Sub", MemberRulesTemplate.HUB_BUS_ARN);
    target.putObject("RoleArn").put("Fn::Sub", MemberRulesTemplate.ROLE_ARN);
    return resource;
  }

  /** The one value both sets agree on, else {@code Fn::If} on the home-region condition. */
  private static JsonNode choose(JsonNode home, JsonNode elsewhere) {
    if (elsewhere == null || elsewhere.equals(home)) {
      return home;
    }
    if (home == null) {
      return elsewhere;
    }
    ObjectNode choice = NODES.objectNode();
    ArrayNode args = choice.putArray("Fn::If");
    args.add(MemberRulesTemplate.CONDITION_GLOBAL);
    args.add(home);
    args.add(elsewhere);
    return choice;
  }
}
