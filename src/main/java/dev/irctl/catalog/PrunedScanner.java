package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the events of one chunk (JSON lines, concatenated events, CloudTrail log files) straight
 * from its UTF-8 bytes, several times faster than Jackson: a field nobody reads is only checked for
 * well-formedness ({@link JsonCursor}), never tokenized into names and values. Two readings of an
 * event: {@link #next} builds the pruned tree {@link EventReader} builds with Jackson, node for
 * node; {@link #nextSlots} only picks a few fields' text into slots ({@link EventSlots}), for the
 * many events that no rule can fire.
 *
 * <p>It accepts a strict subset of what Jackson accepts. Anything outside it (a root that is not an
 * object, a byte sequence it does not vouch for, a number or name near Jackson's limits) throws
 * {@link Uncertain}, and the caller reads the chunk with Jackson instead, which then reports any
 * error exactly as before.
 */
final class PrunedScanner extends JsonCursor {
  private static final byte[] RECORDS = "\"Records\"".getBytes(StandardCharsets.US_ASCII);

  /** Keeps no field: for what the reader skips. */
  private static final FieldNames NOTHING = FieldNames.of(List.of());

  /** Inside a Records array; {@link #firstRecord} until its first element is read. */
  private boolean inRecords;

  private boolean firstRecord;

  PrunedScanner(byte[] buf, int length) {
    super(buf, length);
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

  /** The event at {@link #toEvent}, pruned to {@code keep}. */
  ObjectNode next(FieldNames keep) throws Uncertain {
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
  void nextSlots(FieldNames plan, Object[] slots) throws Uncertain {
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

  private ObjectNode object(FieldNames keep) throws Uncertain {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    if (openMembers('}')) {
      do {
        FieldNames.Child child = member(keep);
        if (child == null) {
          skipValue();
        } else {
          object.set(child.name(), value(child.names()));
        }
      } while (moreMembers('}'));
    }
    return object;
  }

  private void slotObject(FieldNames plan, Object[] slots) throws Uncertain {
    if (!openMembers('}')) {
      return;
    }
    do {
      FieldNames.Child child = member(plan);
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

  private ArrayNode array(FieldNames keep) throws Uncertain {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    if (openMembers(']')) {
      do {
        array.add(value(keep));
      } while (moreMembers(']'));
    }
    return array;
  }

  /**
   * A member's name and colon: the child of {@code keep} it names, or null to skip its value. The
   * value starts at {@link #pos} after it.
   */
  private FieldNames.Child member(FieldNames keep) throws Uncertain {
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
      return new FieldNames.Child(text(start, length), -1, keep);
    }
    return simple ? keep.child(b, start, length, hash) : keep.child(decode(start, length));
  }

  /** The value starting at {@link #pos}, built as Jackson's tree holds it. */
  private JsonNode value(FieldNames keep) throws Uncertain {
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
}
