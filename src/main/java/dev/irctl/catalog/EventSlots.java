package dev.irctl.catalog;

import dev.irctl.catalog.RulePrefilter.Values;
import java.util.List;

/**
 * The few fields of a root object that decide, without building its tree, that no rule can fire and
 * what {@code rules match} prints for it: the prefilter's fields ({@link RulePrefilter#PATHS}) and
 * the envelope's time, source and name, for an EventBridge envelope and for a bare CloudTrail
 * record alike. {@link PrunedScanner#nextSlots} fills them; {@link #unmatched} reads them exactly
 * as {@link EventReader}, {@link CloudTrailEnvelope} and {@link ReplayedEvent} read the tree, and
 * answers only when that is certain: anything unusual (a field twice, a detail that is not an
 * object, a number where text is expected, a wrapper of records) is left to the tree.
 */
final class EventSlots {
  /** A slot's value was JSON null. */
  static final Object NULL = new Object();

  /** A slot's value was something other than text or null, or the field came twice. */
  static final Object OTHER = new Object();

  /** A slot holding an object whose own fields have slots. */
  static final Object OBJECT = new Object();

  private static final int DETAIL_TYPE = 0;
  private static final int SOURCE = 1;
  private static final int TIME = 2;
  private static final int EVENT_SOURCE = 3;
  private static final int EVENT_NAME = 4;
  private static final int EVENT_TYPE = 5;
  private static final int EVENT_TIME = 6;
  private static final int ERROR_CODE = 7;
  private static final int USER_IDENTITY = 8;
  private static final int USER_TYPE = 9;
  private static final int DETAIL = 10;
  private static final int DETAIL_EVENT_SOURCE = 11;
  private static final int DETAIL_EVENT_NAME = 12;
  private static final int DETAIL_ERROR_CODE = 13;
  private static final int DETAIL_USER_IDENTITY = 14;
  private static final int DETAIL_USER_TYPE = 15;
  private static final int RECORDS = 16;
  private static final int EVENTS = 17;
  private static final int CLOUDTRAIL_EVENT = 18;

  static final int COUNT = 19;

  static final FieldNames PLAN =
      FieldNames.of(
          List.of(
              leaf("detail-type", DETAIL_TYPE),
              leaf("source", SOURCE),
              leaf("time", TIME),
              leaf("eventSource", EVENT_SOURCE),
              leaf("eventName", EVENT_NAME),
              leaf("eventType", EVENT_TYPE),
              leaf("eventTime", EVENT_TIME),
              leaf("errorCode", ERROR_CODE),
              new FieldNames.Child(
                  "userIdentity", USER_IDENTITY, FieldNames.of(List.of(leaf("type", USER_TYPE)))),
              new FieldNames.Child(
                  "detail",
                  DETAIL,
                  FieldNames.of(
                      List.of(
                          leaf("eventSource", DETAIL_EVENT_SOURCE),
                          leaf("eventName", DETAIL_EVENT_NAME),
                          leaf("errorCode", DETAIL_ERROR_CODE),
                          new FieldNames.Child(
                              "userIdentity",
                              DETAIL_USER_IDENTITY,
                              FieldNames.of(List.of(leaf("type", DETAIL_USER_TYPE))))))),
              leaf("Records", RECORDS),
              leaf("Events", EVENTS),
              leaf("CloudTrailEvent", CLOUDTRAIL_EVENT)));

  private EventSlots() {}

  private static FieldNames.Child leaf(String name, int slot) {
    return new FieldNames.Child(name, slot, null);
  }

  /**
   * The line for an event no rule can fire, or null when the slots cannot tell (a rule may fire, or
   * the event is unusual): then read its tree.
   */
  static ReplayedEvent unmatched(Object[] slots, CatalogMatcher matcher) {
    if (slots[RECORDS] != null || slots[EVENTS] != null || slots[CLOUDTRAIL_EVENT] != null) {
      return null;
    }
    return slots[DETAIL_TYPE] != null ? envelope(slots, matcher) : record(slots, matcher);
  }

  /** An event that already is an envelope: its fields as they are. */
  private static ReplayedEvent envelope(Object[] slots, CatalogMatcher matcher) {
    if (!(slots[DETAIL_TYPE] instanceof String detailType)
        || slots[DETAIL] == OTHER
        || slots[DETAIL_USER_IDENTITY] == OTHER
        || slots[TIME] == OTHER
        || slots[SOURCE] == OTHER
        || slots[DETAIL_EVENT_NAME] == OTHER) {
      return null;
    }
    String source = slots[SOURCE] instanceof String text ? text : null;
    Values[] values = {
      source == null ? Values.NONE : Values.of(source),
      Values.of(detailType),
      values(slots[DETAIL_EVENT_SOURCE]),
      values(slots[DETAIL_EVENT_NAME]),
      values(slots[DETAIL_ERROR_CODE]),
      values(slots[DETAIL_USER_TYPE])
    };
    if (matcher.mayMatch(values)) {
      return null;
    }
    String name = slots[DETAIL_EVENT_NAME] instanceof String text ? text : detailType;
    return new ReplayedEvent(
        slots[TIME] instanceof String text ? text : null, source, name, List.of());
  }

  /**
   * A bare CloudTrail record: the envelope {@link CloudTrailEnvelope#wrap} would give it. Anything
   * that is neither passes through {@link EventReader} unchanged: left to the tree.
   */
  private static ReplayedEvent record(Object[] slots, CatalogMatcher matcher) {
    if (!(slots[EVENT_SOURCE] instanceof String eventSource)
        || !(slots[EVENT_NAME] instanceof String eventName)
        || slots[EVENT_TYPE] == OTHER
        || slots[EVENT_TIME] == OTHER
        || slots[USER_IDENTITY] == OTHER) {
      return null;
    }
    String source = CloudTrailEnvelope.source(eventSource);
    String detailType =
        CloudTrailEnvelope.detailType(
            slots[EVENT_TYPE] instanceof String text ? text : "", eventName);
    Values[] values = {
      Values.of(source),
      Values.of(detailType),
      Values.of(eventSource),
      Values.of(eventName),
      values(slots[ERROR_CODE]),
      values(slots[USER_TYPE])
    };
    if (matcher.mayMatch(values)) {
      return null;
    }
    return new ReplayedEvent(
        slots[EVENT_TIME] instanceof String text ? text : "", source, eventName, List.of());
  }

  /** As {@link RulePrefilter.Values#at} reads a leaf: text, none, or unknown. */
  private static Values values(Object slot) {
    if (slot instanceof String text) {
      return Values.of(text);
    }
    return slot == OTHER ? Values.UNKNOWN : Values.NONE;
  }
}
