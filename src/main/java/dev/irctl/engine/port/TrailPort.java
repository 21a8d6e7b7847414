package dev.irctl.engine.port;

import java.util.List;

/** CloudTrail trails as seen from one region, read-only. */
public interface TrailPort {
  /**
   * DescribeTrails including shadow trails: multi-region and organization trails created in another
   * region are listed with their home region.
   */
  List<Trail> trails();

  /** GetTrailStatus: whether the trail is logging now. Call it in the trail's home region. */
  boolean isLogging(String trailArn);

  /** GetEventSelectors: basic or advanced selectors. Call it in the trail's home region. */
  EventSelectors eventSelectors(String trailArn);

  record Trail(
      String name, String arn, String homeRegion, boolean multiRegion, boolean organization) {}

  /** A trail records either basic {@code selectors} or {@code advanced} ones, never both. */
  record EventSelectors(List<BasicSelector> selectors, List<AdvancedSelector> advanced) {
    public EventSelectors {
      selectors = List.copyOf(selectors);
      advanced = List.copyOf(advanced);
    }
  }

  /**
   * An event selector: {@code readWriteType} ReadOnly, WriteOnly or All, and its data resources.
   */
  record BasicSelector(
      String readWriteType, boolean managementEvents, List<DataResource> dataResources) {
    public BasicSelector {
      dataResources = List.copyOf(dataResources);
    }
  }

  /** {@code type} e.g. {@code AWS::S3::Object}; {@code values} ARN prefixes. */
  record DataResource(String type, List<String> values) {
    public DataResource {
      values = List.copyOf(values);
    }
  }

  record AdvancedSelector(String name, List<FieldSelector> fields) {
    public AdvancedSelector {
      fields = List.copyOf(fields);
    }
  }

  /** One field condition of an advanced selector; all non-empty lists must hold (AND). */
  record FieldSelector(
      String field,
      List<String> equalsTo,
      List<String> startsWith,
      List<String> endsWith,
      List<String> notEquals,
      List<String> notStartsWith,
      List<String> notEndsWith) {
    public FieldSelector {
      equalsTo = List.copyOf(equalsTo);
      startsWith = List.copyOf(startsWith);
      endsWith = List.copyOf(endsWith);
      notEquals = List.copyOf(notEquals);
      notStartsWith = List.copyOf(notStartsWith);
      notEndsWith = List.copyOf(notEndsWith);
    }

    public static FieldSelector equalsTo(String field, String... values) {
      return new FieldSelector(
          field, List.of(values), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static FieldSelector startsWith(String field, String... values) {
      return new FieldSelector(
          field, List.of(), List.of(values), List.of(), List.of(), List.of(), List.of());
    }
  }
}
