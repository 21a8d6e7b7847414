package dev.irctl.engine.port;

import java.util.Map;
import java.util.TreeMap;

/**
 * EventBridge's input transformer: named JSON paths into the event and a template that uses them as
 * {@code <name>}.
 */
public record InputTransformer(Map<String, String> inputPaths, String inputTemplate) {
  public InputTransformer {
    inputPaths = Map.copyOf(inputPaths);
  }

  /** Sorted, so plans and test output read the same every run. */
  public Map<String, String> sortedPaths() {
    return new TreeMap<>(inputPaths);
  }
}
