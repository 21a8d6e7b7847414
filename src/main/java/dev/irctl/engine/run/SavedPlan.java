package dev.irctl.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.AccountPort.Identity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan kept to be applied exactly later: who and where it was made for, what each part wanted,
 * and for every part and region the fingerprint of the actual state the plan saw and the changes it
 * planned. Applying it rebuilds the parts from {@code parts}, re-reads each resource and writes
 * only where the fingerprint still matches.
 */
public record SavedPlan(
    String kind,
    int schemaVersion,
    String irctlVersion,
    String catalogVersion,
    String createdAt,
    Identity account,
    List<String> regions,
    List<SavedPart> parts,
    List<SavedResource> resources) {
  public static final String KIND = "irctl-plan";

  /** The newest plan schema this irctl reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  public SavedPlan {
    regions = List.copyOf(regions);
    parts = List.copyOf(parts);
    resources = List.copyOf(resources);
  }

  /** A part as the plan had it: its name and what it wanted. */
  public record SavedPart(String name, JsonNode desired) {}

  /** One part in one region: its planned status, the state's fingerprint and the changes. */
  public record SavedResource(
      String part, String region, String status, String fingerprint, JsonNode changes) {}

  public static SavedPlan of(
      RunResult result,
      List<Part> parts,
      String irctlVersion,
      String catalogVersion,
      String createdAt,
      java.util.function.Function<PartResult, JsonNode> changes) {
    return new SavedPlan(
        KIND,
        SCHEMA_VERSION,
        irctlVersion,
        catalogVersion,
        createdAt,
        result.identity(),
        result.selection().regions(),
        parts.stream().map(p -> new SavedPart(p.name(), p.desired())).toList(),
        result.results().stream()
            .map(
                r ->
                    new SavedResource(
                        r.part(),
                        r.region(),
                        r.status().name(),
                        r.fingerprint().orElse(null),
                        changes.apply(r)))
            .toList());
  }

  /**
   * Lets a part write in a region only when what it reads now is what the plan saw; anything else
   * fails that part there with "changed since the plan was made", and nothing is written.
   */
  public Mode.Gate gate() {
    Map<String, String> prints = new HashMap<>();
    resources.forEach(
        r -> {
          if (r.fingerprint() != null) {
            prints.put(r.part() + "@" + r.region(), r.fingerprint());
          }
        });
    return (part, region, fresh, fingerprint) ->
        fingerprint.equals(prints.get(part + "@" + region))
            ? Optional.empty()
            : Optional.of(
                new Failure(Failure.Kind.CHANGED_SINCE_PLAN, Failure.CHANGED_SINCE_PLAN_MESSAGE));
  }

  /** Changes the plan holds over all parts and regions, by action name (create, update, delete). */
  public Map<String, Integer> changeCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (SavedResource r : resources) {
      if (r.changes() != null) {
        r.changes().forEach(c -> counts.merge(c.path("action").asText(), 1, Integer::sum));
      }
    }
    return counts;
  }
}
