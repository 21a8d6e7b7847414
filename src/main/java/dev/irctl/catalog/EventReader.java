package dev.irctl.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.irctl.UserException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.zip.GZIPInputStream;

/**
 * Streams events from one input, one at a time, never holding the whole input. Accepts, in any mix
 * of root values: a single event, a JSON array of events, JSON lines, a CloudTrail log file ({@code
 * {"Records": [...]}}, gzipped or not), and {@code aws cloudtrail lookup-events} output ({@code
 * {"Events": [{"CloudTrailEvent": "..."}]}}). Bare CloudTrail records are wrapped into the envelope
 * EventBridge delivers ({@link CloudTrailEnvelope}).
 */
public final class EventReader implements Closeable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int GZIP_MAGIC = 0x8b1f;

  private final JsonParser parser;
  private final String name;
  private final FieldFilter filter;

  /** Lines before this reader's first byte, when it reads one chunk of a longer input. */
  private final long lineOffset;

  /**
   * Inside a root array or a Records/Events array, streaming its elements; otherwise between root
   * values.
   */
  private boolean inArray;

  /**
   * The streamed array is the value of a wrapper object's field; the rest of that object must be
   * skipped after it.
   */
  private boolean inWrapper;

  /**
   * Events of a wrapper object that had to be read whole (its Records array was not its first
   * field).
   */
  private final Deque<JsonNode> pending = new ArrayDeque<>();

  private EventReader(JsonParser parser, String name, FieldFilter filter, long lineOffset) {
    this.parser = parser;
    this.name = name;
    this.filter = filter;
    this.lineOffset = lineOffset;
  }

  /**
   * Reads whole events from {@code in} (closed with this reader); {@code name} is used in error
   * messages.
   */
  public static EventReader open(InputStream in, String name) {
    return open(in, name, FieldFilter.ALL);
  }

  /** Reads only the fields {@code filter} keeps: enough to match, much cheaper on long inputs. */
  public static EventReader open(InputStream in, String name, FieldFilter filter) {
    try {
      return new EventReader(MAPPER.createParser(ungzip(in)), name, filter, 0);
    } catch (IOException e) {
      throw UserException.usage(name + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads already decompressed text that starts between two root values of a longer input, {@code
   * lineOffset} lines into it (error messages count lines from the input's start).
   */
  static EventReader openChunk(InputStream in, String name, FieldFilter filter, long lineOffset) {
    try {
      return new EventReader(MAPPER.createParser(in), name, filter, lineOffset);
    } catch (IOException e) {
      throw UserException.usage(name + ": cannot be read: " + e.getMessage());
    }
  }

  /** The line the parser has reached, counted from the input's start. */
  long line() {
    return parser.currentLocation().getLineNr() + lineOffset;
  }

  /** The next event as an EventBridge envelope, or null at the end of the input. */
  public JsonNode next() {
    try {
      return nextEvent();
    } catch (JsonProcessingException e) {
      throw UserException.usage(
          name
              + ": malformed JSON at line "
              + (e.getLocation().getLineNr() + lineOffset)
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw UserException.usage(name + ": cannot be read: " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private JsonNode nextEvent() throws IOException {
    while (true) {
      if (!pending.isEmpty()) {
        return pending.poll();
      }
      if (inArray) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
          endArray();
          continue;
        }
        if (token == null) {
          throw unexpectedEnd();
        }
        return event(value(filter));
      }
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      if (token == JsonToken.START_ARRAY) {
        inArray = true;
        continue;
      }
      if (token != JsonToken.START_OBJECT) {
        throw notAnEvent(token);
      }
      JsonNode event = rootObject();
      if (event != null) {
        return event;
      }
    }
  }

  /**
   * A root object: a wrapper whose first field is the {@code Records}/{@code Events} array is
   * streamed; anything else is read whole (a single event, or a wrapper with the array further
   * down).
   */
  private JsonNode rootObject() throws IOException {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    if (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (isWrapperField(field) && value == JsonToken.START_ARRAY) {
        inArray = true;
        inWrapper = true;
        return null;
      }
      field(object, field, filter);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String next = parser.currentName();
        parser.nextToken();
        field(object, next, filter);
      }
    }
    for (String field : new String[] {"Records", "Events"}) {
      if (!object.has("detail-type")
          && !object.has("eventSource")
          && object.path(field).isArray()) {
        object.path(field).forEach(element -> pending.add(event(element)));
        return null;
      }
    }
    return event(object);
  }

  /** The current value, pruned to what {@code keep} names. */
  private JsonNode value(FieldFilter keep) throws IOException {
    JsonToken token = parser.currentToken();
    if (!token.isStructStart()) {
      return scalar(token);
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(value(keep));
      }
      return array;
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      field(object, field, keep);
    }
    return object;
  }

  /**
   * The current scalar, as {@code ObjectMapper.readTree} would build it, without its per-call
   * set-up (a deserialization context for every value was most of the parse time).
   */
  private JsonNode scalar(JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> TextNode.valueOf(parser.getText());
      case VALUE_TRUE -> BooleanNode.TRUE;
      case VALUE_FALSE -> BooleanNode.FALSE;
      case VALUE_NULL -> NullNode.instance;
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> IntNode.valueOf(parser.getIntValue());
            case LONG -> LongNode.valueOf(parser.getLongValue());
            default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
          };
      // Floats are rare in events: leave their exact node type to Jackson.
      default -> MAPPER.readTree(parser);
    };
  }

  /**
   * Adds the current value as {@code field} if {@code keep} names it, else skips it without
   * building anything.
   */
  private void field(ObjectNode object, String field, FieldFilter keep) throws IOException {
    FieldFilter child = keep.child(field);
    if (child == null) {
      parser.skipChildren();
    } else {
      object.set(field, value(child));
    }
  }

  private void endArray() throws IOException {
    inArray = false;
    if (inWrapper) {
      inWrapper = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        parser.nextToken();
        parser.skipChildren();
      }
    }
  }

  private JsonNode event(JsonNode node) {
    if (!node.isObject()) {
      throw notAnEvent(node.asToken());
    }
    if (node.has("detail-type")) {
      return node;
    }
    JsonNode lookupEvent = node.get("CloudTrailEvent");
    if (lookupEvent != null && lookupEvent.isTextual()) {
      return event(parseEmbedded(lookupEvent.textValue()));
    }
    return envelope(node);
  }

  /**
   * A root object that is one event, as EventBridge would deliver it: a bare CloudTrail record is
   * wrapped; anything else passes through unchanged (it just matches nothing).
   */
  static JsonNode envelope(JsonNode node) {
    return CloudTrailEnvelope.isRecord(node) ? CloudTrailEnvelope.wrap(node) : node;
  }

  /**
   * Whether a root object read whole may hold other events rather than be one (a wrapper of
   * records, a lookup-events item), which {@link #envelope} does not unpack.
   */
  static boolean mayHoldEvents(JsonNode node) {
    return node.has("Records") || node.has("Events") || node.has("CloudTrailEvent");
  }

  private JsonNode parseEmbedded(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw UserException.usage(
          name
              + ": the CloudTrailEvent string near line "
              + line()
              + " is not valid JSON: "
              + e.getOriginalMessage());
    }
  }

  private static boolean isWrapperField(String field) {
    return field.equals("Records") || field.equals("Events");
  }

  private UserException notAnEvent(JsonToken token) {
    return UserException.usage(
        name
            + ": expected an event (a JSON object) at line "
            + (parser.currentTokenLocation().getLineNr() + lineOffset)
            + ", column "
            + parser.currentTokenLocation().getColumnNr()
            + ", found "
            + describe(token)
            + ".");
  }

  private UserException unexpectedEnd() {
    return UserException.usage(
        name
            + ": the input ends inside a JSON array (line "
            + line()
            + "); is the file truncated?");
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_ARRAY -> "an array";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** CloudTrail delivers log files gzipped; accept them as they are. */
  static InputStream ungzip(InputStream in) throws IOException {
    // Pushed back rather than marked: a BufferedInputStream with a mark set copies every read
    // through its buffer, where without one it hands a large read (the chunked reader asks for a
    // MiB at a time) straight to the file.
    PushbackInputStream peek = new PushbackInputStream(in, 2);
    int first = peek.read();
    int second = first < 0 ? -1 : peek.read();
    if (second >= 0) {
      peek.unread(second);
    }
    if (first >= 0) {
      peek.unread(first);
    }
    return (first | (second << 8)) == GZIP_MAGIC
        ? new GZIPInputStream(peek, 1 << 16)
        : new BufferedInputStream(peek, 1 << 16);
  }
}
