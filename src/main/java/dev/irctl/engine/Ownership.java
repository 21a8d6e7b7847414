package dev.irctl.engine;

import java.util.Map;

/**
 * How irctl marks what it creates, and recognises what it owns: an {@code irctl-} name and a tag.
 */
public final class Ownership {
  public static final String NAME_PREFIX = "irctl-";
  public static final String TAG_KEY = "managed-by";
  public static final String TAG_VALUE = "irctl";

  private Ownership() {}

  public static Map<String, String> tags() {
    return Map.of(TAG_KEY, TAG_VALUE);
  }

  public static boolean taggedByIrctl(Map<String, String> tags) {
    return TAG_VALUE.equals(tags.get(TAG_KEY));
  }
}
