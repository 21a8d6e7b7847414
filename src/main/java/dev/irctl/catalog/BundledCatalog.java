package dev.irctl.catalog;

import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * The bundled rule files, parsed once per process. A command that will need them can have them read
 * on a background thread while the command line is still being parsed ({@link #preload}): on a
 * short offline command such as {@code rules match} the two overlap on two cores instead of
 * following each other.
 */
public final class BundledCatalog {
  private static final FutureTask<List<CatalogLoader.Parsed>> PARSED =
      new FutureTask<>(CatalogLoader::parseBundled);

  private BundledCatalog() {}

  /** Starts reading the bundled rules in the background, if nothing has read them yet. */
  public static void preload() {
    Thread thread = new Thread(PARSED, "irctl-catalog-preload");
    thread.setDaemon(true);
    thread.start();
  }

  static List<CatalogLoader.Parsed> parsed() {
    // Runs the read here unless the preload has started it (then waits for it): once either way.
    PARSED.run();
    return TaskResult.of(PARSED, "reading the bundled rules");
  }
}
