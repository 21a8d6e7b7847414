package dev.irctl.engine.permissions;

import java.util.Map;
import java.util.TreeMap;

/**
 * A narrower grant than {@code Resource: *}: the resource ARN, with {@code ${Partition}} and {@code
 * ${AccountId}} filled in when the policy is printed, and an IAM condition (operator -> key ->
 * value). {@code sid} names the statement the scoped actions land in.
 */
public record ActionScope(String sid, String resource, Map<String, Map<String, String>> condition) {
  public ActionScope {
    if (!sid.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("a statement Sid is alphanumeric: " + sid);
    }
    TreeMap<String, Map<String, String>> sorted = new TreeMap<>();
    condition.forEach(
        (operator, values) -> sorted.put(operator, Map.copyOf(new TreeMap<>(values))));
    condition = java.util.Collections.unmodifiableMap(sorted);
  }

  public String resource(String partition, String accountId) {
    return resource.replace("${Partition}", partition).replace("${AccountId}", accountId);
  }
}
