package dev.irctl.engine.permissions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The IAM policy that grants exactly the declared actions: one statement per service on {@code *},
 * and one statement per scope for actions that must be narrower. Statements and actions are sorted
 * so the output is stable and diffs well.
 */
public final class LeastPrivilegePolicy {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LeastPrivilegePolicy() {}

  /**
   * @param readOnly keep only actions that change nothing
   * @param accountId fills scoped ARNs; {@code *} makes the policy usable in any account
   */
  public static ObjectNode document(
      Collection<AwsAction> actions, boolean readOnly, String partition, String accountId) {
    return document(actions, readOnly, OwnedResources.defaults(partition, accountId));
  }

  /**
   * @param readOnly keep only actions that change nothing
   * @param owned fills scoped ARNs: partition, account ({@code *} for any) and irctl's names
   */
  public static ObjectNode document(
      Collection<AwsAction> actions, boolean readOnly, OwnedResources owned) {
    Set<AwsAction> chosen =
        actions.stream().filter(a -> !readOnly || !a.write()).collect(Collectors.toSet());
    // An action granted on * somewhere needs no narrower grant as well.
    Set<String> unscoped =
        chosen.stream()
            .filter(a -> a.scope().isEmpty())
            .map(AwsAction::name)
            .collect(Collectors.toSet());
    TreeMap<String, ObjectNode> statements = new TreeMap<>();
    Map<String, TreeSet<String>> byService = new TreeMap<>();
    Map<ActionScope, TreeSet<String>> byScope = new TreeMap<>((a, b) -> a.sid().compareTo(b.sid()));
    for (AwsAction action : chosen) {
      Optional<ActionScope> scope = action.scope();
      if (scope.isEmpty()) {
        byService.computeIfAbsent(action.service(), k -> new TreeSet<>()).add(action.name());
      } else if (!unscoped.contains(action.name())) {
        byScope.computeIfAbsent(scope.get(), k -> new TreeSet<>()).add(action.name());
      }
    }
    byService.forEach(
        (service, names) ->
            statements.put(sid(service), statement(sid(service), names, List.of("*"))));
    byScope.forEach(
        (scope, names) -> {
          List<String> resources =
              scope.resources().stream().flatMap(r -> owned.expand(r).stream()).toList();
          ObjectNode statement = statement(scope.sid(), names, resources);
          if (!scope.condition().isEmpty()) {
            ObjectNode condition = statement.putObject("Condition");
            scope
                .condition()
                .forEach(
                    (operator, values) -> {
                      ObjectNode keys = condition.putObject(operator);
                      values.forEach(
                          (key, templates) ->
                              putOneOrMany(
                                  keys,
                                  key,
                                  templates.stream()
                                      .flatMap(t -> owned.expand(t).stream())
                                      .toList()));
                    });
          }
          statements.put(scope.sid(), statement);
        });
    ObjectNode document = NODES.objectNode();
    document.put("Version", "2012-10-17");
    ArrayNode array = document.putArray("Statement");
    statements.values().forEach(array::add);
    return document;
  }

  private static ObjectNode statement(String sid, Set<String> actions, List<String> resources) {
    ObjectNode statement = NODES.objectNode();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    ArrayNode array = statement.putArray("Action");
    actions.forEach(array::add);
    putOneOrMany(statement, "Resource", resources);
    return statement;
  }

  /** A single value as a string (as IAM prints it), several as an array. */
  private static void putOneOrMany(ObjectNode node, String key, List<String> values) {
    if (values.size() == 1) {
      node.put(key, values.get(0));
    } else {
      ArrayNode array = node.putArray(key);
      values.forEach(array::add);
    }
  }

  /** {@code guardduty} to {@code Guardduty}: Sids are alphanumeric. */
  private static String sid(String service) {
    String alphanumeric = service.replaceAll("[^A-Za-z0-9]", "");
    return alphanumeric.substring(0, 1).toUpperCase(Locale.ROOT) + alphanumeric.substring(1);
  }
}
