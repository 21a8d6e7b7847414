package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the root objects of one chunk of JSON lines straight from its UTF-8 bytes, several times
 * faster than Jackson: a field nobody reads is only checked for well-formedness, never tokenized
 * into names and values. Two readings of a root object: {@link #next} builds the pruned tree {@link
 * EventReader} builds with Jackson, node for node; {@link #nextSlots} only picks a few fields' text
 * into slots ({@link EventSlots}), for the many events that no rule can fire.
 *
 * <p>It accepts a strict subset of what Jackson accepts. Anything outside it (a root that is not an
 * object, a byte sequence it does not vouch for, a number or name near Jackson's limits) throws
 * {@link Uncertain}, and the caller reads the chunk with Jackson instead, which then reports any
 * error exactly as before.
 */
final class PrunedScanner {
  /** The scanner cannot vouch for the chunk: read it with Jackson. */
  static final class Uncertain extends Exception {
    static final Uncertain INSTANCE = new Uncertain();

    private Uncertain() {
      super("not certain", null, false, false);
    }
  }

  /** Jackson's default nesting limit is 1000; stay well inside it. */
  private static final int MAX_DEPTH = 200;

  /** Longer numbers or names go to Jackson, which has limits of its own on them. */
  private static final int MAX_NUMBER_LENGTH = 100;

  private static final int MAX_NAME_LENGTH = 1000;

  private static final byte[] RECORDS = "\"Records\"".getBytes(StandardCharsets.US_ASCII);

  /** Keeps no field: for what the reader skips. */
  private static final Names NOTHING = Names.of(List.of());

  private final byte[] buf;
  private final int end;

  /** Inside a Records array; {@link #firstRecord} until its first element is read. */
  private boolean inRecords;

  private boolean firstRecord;
  private int pos;
  private int depth;
  private long newlines;

  /** Set by {@link #string}: no escape, only ASCII. */
  private boolean plain;

  PrunedScanner(byte[] buf, int length) {
    this.buf = buf;
    this.end = length;
  }

  /** Newlines read so far (all of them once the chunk is read). */
  long newlines() {
    return newlines;
  }

  /**
   * Skips to the next event: the next root object, or the next element of a CloudTrail log file's
   * {@code Records} array ({@code {"Records": [...]}}, the array its first member, as {@link
   * EventReader} streams it); false at the end of the chunk. The position it stops at can be read
   * again with {@link #rewind}.
   */
  boolean toEvent() throws Uncertain {
    while (true) {
      if (inRecords) {
        if (toRecord()) {
          return true;
        }
        continue;
      }
      if (!toRoot()) {
        return false;
      }
      if (!enterRecords()) {
        return true;
      }
    }
  }

  /**
   * At a root object: if its first member is {@code "Records": [}, passes it and returns true; else
   * stays put.
   */
  private boolean enterRecords() throws Uncertain {
    int p = whitespace(pos + 1);
    if (!startsWith(p, RECORDS)) {
      return false;
    }
    p = whitespace(p + RECORDS.length);
    if (buf[p] != ':') {
      return false;
    }
    p = whitespace(p + 1);
    if (buf[p] != '[') {
      return false;
    }
    // The wrapper object and its array are open.
    depth += 2;
    pos = p + 1;
    inRecords = true;
    firstRecord = true;
    return true;
  }

  /**
   * In the Records array: true at the next element, which must be an object; false once the array
   * and the rest of its wrapper (skipped, as EventReader skips it) are passed.
   */
  private boolean toRecord() throws Uncertain {
    int p = whitespace(pos);
    if (buf[p] == ']') {
      pos = p + 1;
      depth--;
      inRecords = false;
      if (moreMembers('}')) {
        do {
          member(NOTHING);
          skipValue();
        } while (moreMembers('}'));
      }
      endRoot();
      return false;
    }
    if (!firstRecord) {
      if (buf[p] != ',') {
        throw Uncertain.INSTANCE;
      }
      p = whitespace(p + 1);
    }
    firstRecord = false;
    if (buf[p] != '{') {
      // Not an event: EventReader says so in its own words.
      throw Uncertain.INSTANCE;
    }
    pos = p;
    return true;
  }

  private boolean startsWith(int p, byte[] bytes) {
    if (p + bytes.length > end) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (buf[p + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  /** Skips the whitespace before the next root object: false at the end of the chunk. */
  private boolean toRoot() throws Uncertain {
    int p = pos;
    while (p < end && buf[p] <= ' ') {
      if (buf[p] == '\n') {
        newlines++;
      } else if (buf[p] != ' ' && buf[p] != '\t' && buf[p] != '\r') {
        throw Uncertain.INSTANCE;
      }
      p++;
    }
    pos = p;
    if (p == end) {
      return false;
    }
    if (buf[p] != '{') {
      throw Uncertain.INSTANCE;
    }
    return true;
  }

  /** Where the scanner stands, to {@link #rewind} to. */
  long mark() {
    return ((long) pos << 32) | (newlines & 0xFFFFFFFFL);
  }

  /** Back to a {@link #mark}, to read the same root object the other way. */
  void rewind(long mark) {
    pos = (int) (mark >>> 32);
    newlines = mark & 0xFFFFFFFFL;
  }

  /** The event at {@link #toEvent}, pruned to {@code keep}. */
  ObjectNode next(Names keep) throws Uncertain {
    pos++;
    ObjectNode root = object(keep);
    endRoot();
    return root;
  }

  /**
   * The event at {@link #toEvent}: the text of each field {@code plan} names into its slot, or
   * {@link EventSlots#NULL} or {@link EventSlots#OTHER}; an object {@code plan} looks into gets
   * {@link EventSlots#OBJECT}. A field met twice gets {@code OTHER}: which value counts is for the
   * tree to say.
   */
  void nextSlots(Names plan, Object[] slots) throws Uncertain {
    pos++;
    slotObject(plan, slots);
    endRoot();
  }

  private void endRoot() throws Uncertain {
    if (!inRecords && pos < end && buf[pos] > ' ' && buf[pos] != '{') {
      // Jackson needs no separator between root objects but would reject anything else glued on.
      throw Uncertain.INSTANCE;
    }
  }

  private ObjectNode object(Names keep) throws Uncertain {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    if (openMembers('}')) {
      do {
        Names.Child child = member(keep);
        if (child == null) {
          skipValue();
        } else {
          object.set(child.name(), value(child.names()));
        }
      } while (moreMembers('}'));
    }
    return object;
  }

  private void slotObject(Names plan, Object[] slots) throws Uncertain {
    if (!openMembers('}')) {
      return;
    }
    do {
      Names.Child child = member(plan);
      if (child == null) {
        skipValue();
        continue;
      }
      int slot = child.slot();
      boolean first = slots[slot] == null;
      if (child.names() == null) {
        Object value = slotValue();
        slots[slot] = first ? value : EventSlots.OTHER;
      } else if (first && buf[pos] == '{') {
        slots[slot] = EventSlots.OBJECT;
        pos++;
        slotObject(child.names(), slots);
      } else {
        slots[slot] = EventSlots.OTHER;
        skipValue();
      }
    } while (moreMembers('}'));
  }

  /** A slot's value: its text, {@link EventSlots#NULL}, or {@link EventSlots#OTHER}. */
  private Object slotValue() throws Uncertain {
    byte first = buf[pos];
    if (first == '"') {
      int start = pos + 1;
      pos = string(start);
      return text(start, pos - 1 - start);
    }
    if (first == 'n') {
      literal("null");
      return EventSlots.NULL;
    }
    skipValue();
    return EventSlots.OTHER;
  }

  private ArrayNode array(Names keep) throws Uncertain {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    if (openMembers(']')) {
      do {
        array.add(value(keep));
      } while (moreMembers(']'));
    }
    return array;
  }

  /** After an opening bracket: false if {@code close} follows at once (and is passed). */
  private boolean openMembers(char close) throws Uncertain {
    if (++depth > MAX_DEPTH) {
      throw Uncertain.INSTANCE;
    }
    int p = whitespace(pos);
    if (buf[p] == close) {
      pos = p + 1;
      depth--;
      return false;
    }
    pos = p;
    return true;
  }

  /** After a member or element: true at a comma (passed), false at {@code close} (passed). */
  private boolean moreMembers(char close) throws Uncertain {
    int p = whitespace(pos);
    byte c = buf[p];
    if (c == close) {
      pos = p + 1;
      depth--;
      return false;
    }
    if (c != ',') {
      throw Uncertain.INSTANCE;
    }
    pos = whitespace(p + 1);
    return true;
  }

  /**
   * A member's name and colon: the child of {@code keep} it names, or null to skip its value. The
   * value starts at {@link #pos} after it.
   */
  private Names.Child member(Names keep) throws Uncertain {
    final byte[] b = buf;
    int p = pos;
    if (b[p] != '"') {
      throw Uncertain.INSTANCE;
    }
    int start = p + 1;
    int q = start;
    int hash = 0;
    while (q < end) {
      int c = b[q];
      if (c < 0x20 || c == '"' || c == '\\') {
        break;
      }
      hash = 31 * hash + c;
      q++;
    }
    boolean simple = q < end && b[q] == '"';
    if (simple) {
      plain = true;
      q++;
    } else {
      q = string(start);
    }
    int length = q - 1 - start;
    if (length > MAX_NAME_LENGTH) {
      throw Uncertain.INSTANCE;
    }
    q = whitespace(q);
    if (b[q] != ':') {
      throw Uncertain.INSTANCE;
    }
    pos = whitespace(q + 1);
    if (keep.keepAll) {
      return new Names.Child(text(start, length), -1, keep);
    }
    return simple ? keep.child(b, start, length, hash) : keep.child(decode(start, length));
  }

  /** The value starting at {@link #pos}, built as Jackson's tree holds it. */
  private JsonNode value(Names keep) throws Uncertain {
    byte first = buf[pos];
    switch (first) {
      case '{':
        pos++;
        return object(keep);
      case '[':
        pos++;
        return array(keep);
      case '"':
        {
          int start = pos + 1;
          pos = string(start);
          return TextNode.valueOf(text(start, pos - 1 - start));
        }
      case 't':
        literal("true");
        return BooleanNode.TRUE;
      case 'f':
        literal("false");
        return BooleanNode.FALSE;
      case 'n':
        literal("null");
        return NullNode.instance;
      default:
        return number();
    }
  }

  /**
   * Past one value, checked to be well-formed but not built: the hot path, so one loop with its own
   * stack of open containers rather than a call per nested value.
   */
  private void skipValue() throws Uncertain {
    final byte[] b = buf;
    final int end = this.end;
    int p = pos;
    // Bit i set: the container open at nesting i is an object (else an array).
    long objects = 0;
    int open = 0;
    while (true) {
      // A value starts at p (after optional whitespace).
      p = whitespace(p);
      int c = b[p];
      if (c == '"') {
        p = string(p + 1);
      } else if (c == '{' || c == '[') {
        if (open == 63 || depth + open >= MAX_DEPTH) {
          throw Uncertain.INSTANCE;
        }
        boolean object = c == '{';
        objects = object ? objects | (1L << open) : objects & ~(1L << open);
        open++;
        p = whitespace(p + 1);
        if (p < end && b[p] == (object ? '}' : ']')) {
          open--;
          p++;
        } else if (object) {
          p = memberName(p);
          continue;
        } else {
          continue;
        }
      } else {
        pos = p;
        if (c == 't') {
          literal("true");
        } else if (c == 'f') {
          literal("false");
        } else if (c == 'n') {
          literal("null");
        } else {
          numberEnd();
        }
        p = pos;
      }
      // After a value: close containers until one goes on with a comma.
      while (true) {
        if (open == 0) {
          pos = p;
          return;
        }
        p = whitespace(p);
        c = b[p];
        boolean inObject = (objects & (1L << (open - 1))) != 0;
        if (c == ',') {
          p++;
          if (inObject) {
            p = memberName(whitespace(p));
          }
          break;
        }
        if (c != (inObject ? '}' : ']')) {
          throw Uncertain.INSTANCE;
        }
        open--;
        p++;
      }
    }
  }

  /**
   * Whitespace from {@code p}: the index of the next other byte, which must exist. Small enough for
   * the JIT to inline; compact JSON has no whitespace, so the loop is rarely entered.
   */
  private int whitespace(int p) throws Uncertain {
    return p < end && buf[p] > ' ' ? p : skipWhitespace(p);
  }

  private int skipWhitespace(int p) throws Uncertain {
    final byte[] b = buf;
    while (p < end) {
      byte c = b[p];
      if (c > ' ') {
        return p;
      }
      if (c == '\n') {
        newlines++;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        throw Uncertain.INSTANCE;
      }
      p++;
    }
    throw Uncertain.INSTANCE;
  }

  /** A member's name and colon from {@code p} (at the quote): the index of the colon's end. */
  private int memberName(int p) throws Uncertain {
    if (buf[p] != '"') {
      throw Uncertain.INSTANCE;
    }
    p = whitespace(string(p + 1));
    if (buf[p] != ':') {
      throw Uncertain.INSTANCE;
    }
    return p + 1;
  }

  /**
   * From just after an opening quote: the index after the closing one. Sets {@link #plain}: the
   * string had no escape and only ASCII.
   */
  private int string(int p) throws Uncertain {
    final byte[] b = buf;
    plain = true;
    while (true) {
      if (p >= end) {
        throw Uncertain.INSTANCE;
      }
      int c = b[p];
      if (c >= 0x20 && c != '"' && c != '\\') {
        p++;
      } else if (c == '"') {
        return p + 1;
      } else if (c == '\\') {
        plain = false;
        p = escape(p + 1);
      } else if (c < 0) {
        plain = false;
        p = utf8(p, c & 0xFF);
      } else {
        // A raw control character: Jackson rejects it, in its own words.
        throw Uncertain.INSTANCE;
      }
    }
  }

  /** After a backslash: the index after the escape. */
  private int escape(int p) throws Uncertain {
    if (p >= end) {
      throw Uncertain.INSTANCE;
    }
    switch (buf[p]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return p + 1;
      }
      case 'u' -> {
        if (p + 4 >= end) {
          throw Uncertain.INSTANCE;
        }
        for (int i = 1; i <= 4; i++) {
          if (Character.digit(buf[p + i], 16) < 0) {
            throw Uncertain.INSTANCE;
          }
        }
        return p + 5;
      }
      default -> throw Uncertain.INSTANCE;
    }
  }

  /** A multi-byte UTF-8 sequence led by {@code lead} at {@code p}: the index after it. */
  private int utf8(int p, int lead) throws Uncertain {
    int length;
    int min;
    int max;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      min = 0x80;
      max = 0xBF;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      // No overlong forms (E0 80..9F) and no encoded surrogates (ED A0..BF).
      min = lead == 0xE0 ? 0xA0 : 0x80;
      max = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      min = lead == 0xF0 ? 0x90 : 0x80;
      max = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      throw Uncertain.INSTANCE;
    }
    if (p + length > end) {
      throw Uncertain.INSTANCE;
    }
    int second = buf[p + 1] & 0xFF;
    if (second < min || second > max) {
      throw Uncertain.INSTANCE;
    }
    for (int i = 2; i < length; i++) {
      int next = buf[p + i] & 0xFF;
      if (next < 0x80 || next > 0xBF) {
        throw Uncertain.INSTANCE;
      }
    }
    return p + length;
  }

  /** A number as Jackson's tree would hold it: int, long, big integer or double. */
  private JsonNode number() throws Uncertain {
    int start = pos;
    boolean integral = numberEnd();
    String text = new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
    if (!integral) {
      return DoubleNode.valueOf(Double.parseDouble(text));
    }
    int digits = pos - start - (buf[start] == '-' ? 1 : 0);
    if (digits <= 18) {
      long value = Long.parseLong(text);
      return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }
    BigInteger value = new BigInteger(text);
    return value.bitLength() < 64
        ? LongNode.valueOf(value.longValue())
        : BigIntegerNode.valueOf(value);
  }

  /**
   * Past a number in JSON's grammar; true if it has no fraction or exponent. The byte after it must
   * end a value (whitespace, comma, bracket), as Jackson requires.
   */
  private boolean numberEnd() throws Uncertain {
    int start = pos;
    int p = pos;
    if (p < end && buf[p] == '-') {
      p++;
    }
    if (p >= end || !digit(buf[p])) {
      throw Uncertain.INSTANCE;
    }
    if (buf[p] == '0') {
      p++;
    } else {
      while (p < end && digit(buf[p])) {
        p++;
      }
    }
    boolean integral = true;
    if (p < end && buf[p] == '.') {
      integral = false;
      p = digits(p + 1);
    }
    if (p < end && (buf[p] == 'e' || buf[p] == 'E')) {
      integral = false;
      p++;
      if (p < end && (buf[p] == '+' || buf[p] == '-')) {
        p++;
      }
      p = digits(p);
    }
    if (p >= end || p - start > MAX_NUMBER_LENGTH) {
      throw Uncertain.INSTANCE;
    }
    byte after = buf[p];
    if (after != ',' && after != '}' && after != ']' && !whitespace(after)) {
      throw Uncertain.INSTANCE;
    }
    pos = p;
    return integral;
  }

  /** One or more digits from {@code p}: the index after them. */
  private int digits(int p) throws Uncertain {
    if (p >= end || !digit(buf[p])) {
      throw Uncertain.INSTANCE;
    }
    while (p < end && digit(buf[p])) {
      p++;
    }
    return p;
  }

  private void literal(String word) throws Uncertain {
    int length = word.length();
    if (pos + length >= end) {
      throw Uncertain.INSTANCE;
    }
    for (int i = 0; i < length; i++) {
      if (buf[pos + i] != word.charAt(i)) {
        throw Uncertain.INSTANCE;
      }
    }
    byte after = buf[pos + length];
    if (after != ',' && after != '}' && after != ']' && !whitespace(after)) {
      throw Uncertain.INSTANCE;
    }
    pos += length;
  }

  private static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean whitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  /** The content of the string {@link #string} has just checked. */
  private String text(int start, int length) {
    return plain
        ? new String(buf, start, length, StandardCharsets.ISO_8859_1)
        : decode(start, length);
  }

  /** A string's content with escapes resolved, the bytes already checked by {@link #string}. */
  private String decode(int start, int length) {
    StringBuilder text = new StringBuilder(length);
    int p = start;
    int stop = start + length;
    while (p < stop) {
      int run = p;
      while (p < stop && buf[p] != '\\') {
        p++;
      }
      if (p > run) {
        text.append(new String(buf, run, p - run, StandardCharsets.UTF_8));
      }
      if (p == stop) {
        break;
      }
      byte escaped = buf[p + 1];
      switch (escaped) {
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'u' -> {
          text.append(
              (char) Integer.parseInt(new String(buf, p + 2, 4, StandardCharsets.ISO_8859_1), 16));
          p += 4;
        }
        default -> text.append((char) escaped);
      }
      p += 2;
    }
    return text.toString();
  }

  /**
   * The fields the scanner looks at, as it reads them: names as bytes, found by a hash of their
   * bytes, each with its name string ready to put in the tree, its slot, and the fields below it.
   */
  static final class Names {
    /**
     * @param slot where {@link #nextSlots} puts the value, else -1
     * @param names the fields below this one, or null (a slot's leaf)
     */
    record Child(String name, int slot, Names names) {
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

    private Names(boolean keepAll, List<Child> children) {
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
    static Names of(FieldFilter filter) {
      if (filter.keepsAll()) {
        return new Names(true, List.of());
      }
      List<Child> children = new ArrayList<>();
      for (String name : filter.names()) {
        children.add(new Child(name, -1, of(filter.child(name))));
      }
      return new Names(false, children);
    }

    /** These fields. */
    static Names of(List<Child> children) {
      return new Names(false, children);
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
}
