package dev.irctl.engine.permissions;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A narrower grant than {@code Resource: *}: resource ARN templates and an IAM condition (operator
 * -> key -> values), filled in by {@link OwnedResources} when the policy is printed. Templates use
 * {@code ${Partition}}, {@code ${AccountId}} and the names irctl owns ({@link OwnedResources}).
 * {@code sid} names the statement the scoped actions land in.
 */
public record ActionScope(
    String sid, List<String> resources, Map<String, Map<String, List<String>>> condition) {
  public ActionScope {
    if (!sid.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("a statement Sid is alphanumeric: " + sid);
    }
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("a scope names at least one resource: " + sid);
    }
    resources = List.copyOf(resources);
    TreeMap<String, Map<String, List<String>>> sorted = new TreeMap<>();
    condition.forEach(
        (operator, values) -> {
          TreeMap<String, List<String>> keys = new TreeMap<>();
          values.forEach((key, value) -> keys.put(key, List.copyOf(value)));
          sorted.put(operator, Collections.unmodifiableMap(keys));
        });
    condition = Collections.unmodifiableMap(sorted);
  }

  /** One resource and single-valued conditions: the common case. */
  public ActionScope(String sid, String resource, Map<String, Map<String, String>> condition) {
    this(sid, List.of(resource), singleValued(condition));
  }

  private static Map<String, Map<String, List<String>>> singleValued(
      Map<String, Map<String, String>> condition) {
    TreeMap<String, Map<String, List<String>>> multi = new TreeMap<>();
    condition.forEach(
        (operator, values) -> {
          TreeMap<String, List<String>> keys = new TreeMap<>();
          values.forEach((key, value) -> keys.put(key, List.of(value)));
          multi.put(operator, keys);
        });
    return multi;
  }

  /** The first resource with partition and account filled in (for single-resource scopes). */
  public String resource(String partition, String accountId) {
    return OwnedResources.defaults(partition, accountId).expand(resources.get(0)).get(0);
  }
}
