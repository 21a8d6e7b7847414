package dev.irctl.engine.run;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a part says about a region besides its changes: ids of what it found or made ({@code
 * detectorId}, {@code topicArn}, {@code policyArn}), how many resources were already as asked,
 * owned resources left in place (orphans), subscriptions awaiting confirmation, warnings, and
 * remarks: facts a user should read that are no problem (why the part runs in a region not chosen).
 */
public record Notes(
    Map<String, String> ids,
    int unchanged,
    List<String> orphans,
    List<String> pendingSubscriptions,
    List<String> warnings,
    List<String> remarks) {
  public Notes {
    ids = Map.copyOf(ids);
    orphans = List.copyOf(orphans);
    pendingSubscriptions = List.copyOf(pendingSubscriptions);
    warnings = List.copyOf(warnings);
    remarks = List.copyOf(remarks);
  }

  /** Notes without remarks. */
  public Notes(
      Map<String, String> ids,
      int unchanged,
      List<String> orphans,
      List<String> pendingSubscriptions,
      List<String> warnings) {
    this(ids, unchanged, orphans, pendingSubscriptions, warnings, List.of());
  }

  public static Notes none() {
    return new Notes(Map.of(), 0, List.of(), List.of(), List.of());
  }

  public static Notes ids(Map<String, String> ids) {
    return new Notes(ids, 0, List.of(), List.of(), List.of());
  }

  /** These notes with more ids (e.g. the id of a detector the apply created). */
  public Notes withIds(Map<String, String> more) {
    Map<String, String> all = new TreeMap<>(ids);
    all.putAll(more);
    return new Notes(all, unchanged, orphans, pendingSubscriptions, warnings, remarks);
  }
}
