package dev.irctl.aws;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.permissions.ActionScope;
import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.MemberLedgerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * {@link MemberLedgerPort} on SSM Parameter Store in the region: standard String parameters {@code
 * /irctl/guardduty-members/0}, {@code /1}, ... each holding up to {@value #PER_PARAMETER} sorted,
 * comma-separated account ids (a standard parameter holds 4 KB), created with the {@code
 * managed-by=irctl} tag. Only chunks whose value changes are written.
 */
final class MemberLedgerAdapter implements MemberLedgerPort {
  static final String PATH = "/irctl/guardduty-members";
  static final int PER_PARAMETER = 300;

  private static final ActionScope PARAMETERS =
      new ActionScope(
          "IrctlMemberLedger",
          "arn:${Partition}:ssm:*:${AccountId}:parameter" + PATH + "/*",
          Map.of());

  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("ssm:GetParametersByPath"),
          AwsAction.write("ssm:PutParameter").scopedTo(PARAMETERS),
          // Creating a parameter with tags is also authorised as AddTagsToResource.
          AwsAction.write("ssm:AddTagsToResource").scopedTo(PARAMETERS),
          AwsAction.write("ssm:DeleteParameter").scopedTo(PARAMETERS));

  private final SsmClient client;

  MemberLedgerAdapter(SsmClient client) {
    this.client = client;
  }

  /** The chunks as stored: name to value. */
  private Map<String, String> chunks() {
    Map<String, String> chunks = new TreeMap<>();
    AwsCalls.run(
        "ssm:GetParametersByPath",
        () ->
            client
                .getParametersByPathPaginator(b -> b.path(PATH).recursive(false).maxResults(10))
                .stream()
                .flatMap(page -> page.parameters().stream())
                .forEach(p -> chunks.put(p.name(), p.value())));
    return chunks;
  }

  private static Set<String> ids(Map<String, String> chunks) {
    Set<String> ids = new TreeSet<>();
    chunks
        .values()
        .forEach(
            v -> {
              for (String id : v.split(",")) {
                if (!id.isBlank()) {
                  ids.add(id.trim());
                }
              }
            });
    return ids;
  }

  @Override
  public Set<String> members() {
    return Set.copyOf(ids(chunks()));
  }

  @Override
  public void record(Set<String> accountIds) {
    Map<String, String> chunks = chunks();
    Set<String> all = ids(chunks);
    if (all.containsAll(accountIds)) {
      return;
    }
    all.addAll(accountIds);
    write(chunks, all);
  }

  @Override
  public void forget(Set<String> accountIds) {
    Map<String, String> chunks = chunks();
    Set<String> all = ids(chunks);
    if (!all.removeAll(accountIds)) {
      return;
    }
    write(chunks, all);
  }

  private void write(Map<String, String> existing, Set<String> ids) {
    List<String> sorted = new ArrayList<>(ids);
    Map<String, String> wanted = new TreeMap<>();
    for (int from = 0, n = 0; from < sorted.size(); from += PER_PARAMETER, n++) {
      wanted.put(
          PATH + "/" + n,
          String.join(",", sorted.subList(from, Math.min(sorted.size(), from + PER_PARAMETER))));
    }
    wanted.forEach(
        (name, value) -> {
          if (value.equals(existing.get(name))) {
            return;
          }
          boolean exists = existing.containsKey(name);
          AwsCalls.run(
              "ssm:PutParameter",
              () ->
                  client.putParameter(
                      b -> {
                        b.name(name).value(value).type(ParameterType.STRING);
                        if (exists) {
                          b.overwrite(true);
                        } else {
                          b.tags(
                              Tag.builder()
                                  .key(Ownership.TAG_KEY)
                                  .value(Ownership.TAG_VALUE)
                                  .build());
                        }
                      }));
        });
    existing.keySet().stream()
        .filter(name -> !wanted.containsKey(name))
        .forEach(
            name ->
                AwsCalls.run(
                    "ssm:DeleteParameter", () -> client.deleteParameter(b -> b.name(name))));
  }
}
