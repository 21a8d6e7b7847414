package dev.irctl.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Cuts one decompressed input into chunks of about {@link #SIZE} bytes that each hold whole root
 * values, so they can be parsed on several cores. A cut is made only at a newline between a {@code
 * }} and a {@code {}} (whitespace aside). JSON forbids a raw newline inside a string, and inside an
 * array or object a closed object must be followed by a comma or a closing bracket, so in valid
 * JSON such a newline lies between two root values (JSON lines, concatenated events): parsing the
 * chunks one after the other reads exactly what one parser reading the whole input would. Input
 * with no such newline in its first {@link #SIZE} bytes is handed back whole: a CloudTrail log file
 * ({@code {"Records": [...]}}) up to {@link #WHOLE_CHUNKS} chunks as one piece, anything else (a
 * pretty-printed array, a longer log file) as a stream, to be read in one pass. Memory stays flat.
 */
final class EventChunks {
  static final int SIZE = 1 << 20;

  /**
   * The longest CloudTrail log file read whole (decompressed), in chunks: 32 MiB. With a few in
   * flight, memory stays bounded; CloudTrail delivers a file every few minutes, most far smaller.
   */
  static final int WHOLE_CHUNKS = 32;

  /**
   * A chunk's first {@code length} bytes, or the rest of the input as a stream (the last piece).
   */
  record Piece(byte[] bytes, int length, InputStream rest) {
    InputStream stream() {
      return new ByteArrayInputStream(bytes, 0, length);
    }
  }

  private final InputStream in;
  private final int size;
  private byte[] carry = new byte[0];
  private boolean done;

  EventChunks(InputStream in) {
    this(in, SIZE);
  }

  EventChunks(InputStream in, int size) {
    this.in = in;
    this.size = size;
  }

  /** The next piece, or null at the end of the input. */
  Piece next() throws IOException {
    if (done) {
      return null;
    }
    byte[] buffer = Arrays.copyOf(carry, Math.max(size, carry.length));
    int length = carry.length + in.readNBytes(buffer, carry.length, buffer.length - carry.length);
    if (length < buffer.length) {
      done = true;
      return length == 0 ? null : new Piece(buffer, length, null);
    }
    int cut = cut(buffer, length);
    if (cut < 0) {
      done = true;
      return isRecordsFile(buffer, length) ? whole(buffer, length) : rest(buffer, length);
    }
    // The buffer itself becomes the chunk (no copy of a MiB); only the tail after the cut is
    // copied.
    carry = Arrays.copyOfRange(buffer, cut, length);
    return new Piece(buffer, cut, null);
  }

  /**
   * A CloudTrail log file up to {@link #WHOLE_CHUNKS} chunks, whole: one piece that a worker reads
   * apart from the other inputs (log files come many at a time). A longer one is read as a stream.
   */
  private Piece whole(byte[] start, int length) throws IOException {
    byte[] bytes = start;
    int total = length;
    while (total == bytes.length) {
      long max = (long) size * WHOLE_CHUNKS;
      if (bytes.length >= max) {
        return rest(bytes, total);
      }
      bytes = Arrays.copyOf(bytes, (int) Math.min(max, bytes.length * 2L));
      total += in.readNBytes(bytes, total, bytes.length - total);
    }
    return new Piece(bytes, total, null);
  }

  private Piece rest(byte[] read, int length) {
    return new Piece(
        null, 0, new SequenceInputStream(new ByteArrayInputStream(read, 0, length), in));
  }

  /** Whether the input starts as a CloudTrail log file: {@code {"Records": [}. */
  static boolean isRecordsFile(byte[] bytes, int length) {
    int p = 0;
    for (String part : new String[] {"{", "\"Records\"", ":", "["}) {
      while (p < length && isWhitespace(bytes[p])) {
        p++;
      }
      for (int i = 0; i < part.length(); i++, p++) {
        if (p >= length || bytes[p] != part.charAt(i)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The end of the last chunk in {@code bytes[0, length)}: just past a newline with {@code }}
   * before it and {@code {} after it (whitespace aside), or -1.
   */
  static int cut(byte[] bytes, int length) {
    for (int newline = length - 1; newline > 0; newline--) {
      if (bytes[newline] != '\n') {
        continue;
      }
      int after = newline + 1;
      while (after < length && isWhitespace(bytes[after])) {
        after++;
      }
      int before = newline - 1;
      while (before >= 0 && isWhitespace(bytes[before])) {
        before--;
      }
      if (after < length && bytes[after] == '{' && before >= 0 && bytes[before] == '}') {
        return newline + 1;
      }
    }
    return -1;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }
}
