package dev.irctl;

/**
 * Sets slf4j-simple's levels before any logger exists: quiet by default so the SDK prints nothing a
 * user did not ask for; {@code -v} shows warnings, {@code -vv} shows the SDK's debug log (requests,
 * retries).
 */
final class Logging {
  private Logging() {}

  static void configure(String[] args) {
    int verbosity = verbosity(args);
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbosity >= 1 ? "warn" : "off");
    if (verbosity >= 2) {
      setIfAbsent("org.slf4j.simpleLogger.log.software.amazon.awssdk", "debug");
      setIfAbsent("org.slf4j.simpleLogger.log.software.amazon.awssdk.request", "debug");
    }
  }

  static int verbosity(String[] args) {
    int count = 0;
    for (String arg : args) {
      if (arg.equals("--verbose")) {
        count++;
      } else if (arg.matches("-v+")) {
        count += arg.length() - 1;
      }
    }
    return count;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
