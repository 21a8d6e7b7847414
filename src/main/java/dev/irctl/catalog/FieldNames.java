package dev.irctl.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields {@link PrunedScanner} looks at, as it reads them: names as bytes, found by a hash of
 * their bytes, each with its name string ready to put in the tree, its slot, and the fields below
 * it.
 */
final class FieldNames {
  /**
   * @param slot where {@link PrunedScanner#nextSlots} puts the value, else -1
   * @param names the fields below this one, or null (a slot's leaf)
   */
  record Child(String name, int slot, FieldNames names) {
    byte[] bytes() {
      return name.getBytes(StandardCharsets.UTF_8);
    }
  }

  final boolean keepAll;
  private final Child[] table;
  private final byte[][] tableBytes;
  private final int[] tableHashes;
  private final int mask;
  private final Map<String, Child> byName = new HashMap<>();

  private FieldNames(boolean keepAll, List<Child> children) {
    this.keepAll = keepAll;
    int size = Integer.highestOneBit(Math.max(1, children.size()) * 4 - 1) << 1;
    this.table = new Child[size];
    this.tableBytes = new byte[size][];
    this.tableHashes = new int[size];
    this.mask = size - 1;
    for (Child child : children) {
      byte[] bytes = child.bytes();
      int hash = hash(bytes);
      byName.put(child.name(), child);
      int slot = hash & mask;
      while (table[slot] != null) {
        slot = (slot + 1) & mask;
      }
      table[slot] = child;
      tableBytes[slot] = bytes;
      tableHashes[slot] = hash;
    }
  }

  /** The fields a {@link FieldFilter} keeps. */
  static FieldNames of(FieldFilter filter) {
    if (filter.keepsAll()) {
      return new FieldNames(true, List.of());
    }
    List<Child> children = new ArrayList<>();
    for (String name : filter.names()) {
      children.add(new Child(name, -1, of(filter.child(name))));
    }
    return new FieldNames(false, children);
  }

  /** These fields. */
  static FieldNames of(List<Child> children) {
    return new FieldNames(false, children);
  }

  /** The child named by these bytes (plain ASCII, hashed as {@link #hash}), or null. */
  Child child(byte[] buf, int start, int length, int hash) {
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      byte[] name = tableBytes[slot];
      if (name == null) {
        return null;
      }
      if (tableHashes[slot] == hash && name.length == length && equal(name, buf, start)) {
        return table[slot];
      }
    }
  }

  Child child(String name) {
    return byName.get(name);
  }

  private static int hash(byte[] bytes) {
    int hash = 0;
    for (byte b : bytes) {
      hash = 31 * hash + b;
    }
    return hash;
  }

  private static boolean equal(byte[] name, byte[] buf, int start) {
    for (int i = 0; i < name.length; i++) {
      if (name[i] != buf[start + i]) {
        return false;
      }
    }
    return true;
  }
}
