package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * JSON's grammar over UTF-8 bytes, for {@link PrunedScanner}: a position in a chunk, and the checks
 * and skips that move it, each accepting a strict subset of what Jackson accepts and throwing
 * {@link Uncertain} at anything else. Values are skipped without being built; strings, numbers and
 * literals are read as Jackson's tree holds them.
 */
class JsonCursor {
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

  static final int MAX_NAME_LENGTH = 1000;

  final byte[] buf;
  final int end;
  int pos;
  int depth;
  long newlines;

  /** Set by {@link #string}: no escape, only ASCII. */
  boolean plain;

  JsonCursor(byte[] buf, int length) {
    this.buf = buf;
    this.end = length;
  }

  /** Newlines read so far (all of them once the chunk is read). */
  long newlines() {
    return newlines;
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

  boolean startsWith(int p, byte[] bytes) {
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

  /** After an opening bracket: false if {@code close} follows at once (and is passed). */
  boolean openMembers(char close) throws Uncertain {
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
  boolean moreMembers(char close) throws Uncertain {
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

  /** A member's name and colon from {@code p} (at the quote): the index of the colon's end. */
  int memberName(int p) throws Uncertain {
    if (buf[p] != '"') {
      throw Uncertain.INSTANCE;
    }
    p = whitespace(skipString(p + 1));
    if (buf[p] != ':') {
      throw Uncertain.INSTANCE;
    }
    return p + 1;
  }

  /**
   * Past one value, checked to be well-formed but not built: the hot path, so one loop with its own
   * stack of open containers rather than a call per nested value.
   */
  void skipValue() throws Uncertain {
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
        p = skipString(p + 1);
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
  int whitespace(int p) throws Uncertain {
    return p < end && buf[p] > ' ' ? p : skipWhitespace(p);
  }

  static boolean whitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  int skipWhitespace(int p) throws Uncertain {
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

  /**
   * {@link #string} for a string that is only skipped: a run of plain bytes and its closing quote
   * are passed here, in the caller's loop, and only anything else calls {@code string}.
   */
  private int skipString(int p) throws Uncertain {
    final byte[] b = buf;
    int c;
    while (p < end && (c = b[p]) >= 0x20 && c != '"' && c != '\\') {
      p++;
    }
    return p < end && b[p] == '"' ? p + 1 : string(p);
  }

  /**
   * From just after an opening quote: the index after the closing one. Sets {@link #plain}: the
   * string had no escape and only ASCII.
   */
  int string(int p) throws Uncertain {
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
  int escape(int p) throws Uncertain {
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
  int utf8(int p, int lead) throws Uncertain {
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

  /** The content of the string {@link #string} has just checked. */
  String text(int start, int length) {
    return plain
        ? new String(buf, start, length, StandardCharsets.ISO_8859_1)
        : decode(start, length);
  }

  /** A string's content with escapes resolved, the bytes already checked by {@link #string}. */
  String decode(int start, int length) {
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

  /** A number as Jackson's tree would hold it: int, long, big integer or double. */
  JsonNode number() throws Uncertain {
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
  boolean numberEnd() throws Uncertain {
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
  int digits(int p) throws Uncertain {
    if (p >= end || !digit(buf[p])) {
      throw Uncertain.INSTANCE;
    }
    while (p < end && digit(buf[p])) {
      p++;
    }
    return p;
  }

  void literal(String word) throws Uncertain {
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

  static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }
}
