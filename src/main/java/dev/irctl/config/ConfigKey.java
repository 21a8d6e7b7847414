package dev.irctl.config;

/**
 * One key of {@code irctl.yaml}, the flag it stands for, and the shape its value must have. A key
 * applies only to commands that have its flag; a flag given on the command line wins over the key.
 */
record ConfigKey(String path, ValueType type, String flag, String negatedFlag) {
  enum ValueType {
    /** A string. */
    STRING,
    /** A whole number. */
    INTEGER,
    /** true or false; true adds {@code flag}, false adds {@code negatedFlag} when there is one. */
    BOOLEAN,
    /** A list of strings; each becomes one {@code flag value}. */
    STRING_LIST,
    /** {@code all}, or a list of region names. */
    REGIONS,
    /** A map of name to true/false: true adds {@code flag NAME}, false {@code negatedFlag NAME}. */
    SWITCHES,
    /** A map of name to a string or a list of strings: {@code flag name=v1,v2}. */
    PARAMETERS
  }

  static ConfigKey of(String path, ValueType type, String flag) {
    return new ConfigKey(path, type, flag, null);
  }

  static ConfigKey of(String path, ValueType type, String flag, String negatedFlag) {
    return new ConfigKey(path, type, flag, negatedFlag);
  }
}
