package dev.irctl.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A value the user supplies with {@code --set name=value}, substituted into the event pattern.
 * Values are kept as lists: a {@code string} parameter's value is a list of exactly one element.
 */
public record RuleParameter(
    String name,
    String description,
    Type type,
    boolean required,
    List<String> example,
    Optional<List<String>> defaultValue) {

  public enum Type {
    STRING("string"),
    STRING_LIST("stringList");

    private final String id;

    Type(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    static Type fromId(String id) {
      for (Type type : values()) {
        if (type.id.equals(id)) {
          return type;
        }
      }
      throw new IllegalArgumentException("unknown parameter type " + id);
    }
  }

  public RuleParameter {
    example = List.copyOf(example);
    defaultValue = defaultValue.map(List::copyOf);
  }

  /** The example as a user would type it after {@code --set name=}. */
  public String exampleText() {
    return String.join(",", example);
  }

  /** The {@code --set} flag that supplies this parameter, with a placeholder value. */
  public String setFlag() {
    return "--set " + name + "=<value>";
  }
}
