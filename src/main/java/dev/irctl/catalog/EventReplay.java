package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Replays recorded events against compiled rules and reports which rules would fire. Parsing and
 * matching cost about the same, so a reader thread parses the inputs into small batches while the
 * calling thread matches them and calls the listener, in input order. The queue is bounded: memory
 * stays flat however long the input is.
 */
public final class EventReplay {
  /** Receives every event in input order; {@code index} counts from 1 within its input. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(String input, long index, JsonNode event, List<String> ruleIds);
  }

  public record Summary(long events, long matchedEvents, Set<String> rulesFired) {}

  private static final int BATCH_SIZE = 256;
  private static final int BATCHES_IN_FLIGHT = 8;

  /**
   * Events of one input, or how the reader ended: {@code failure} set, or {@code end} after the
   * last input.
   */
  private record Batch(
      String input, List<JsonNode> events, RuntimeException failure, boolean end) {}

  private final CatalogMatcher matcher;

  public EventReplay(CatalogMatcher matcher) {
    this.matcher = matcher;
  }

  public Summary run(List<EventInput> inputs, Listener listener) {
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    Reader reader = new Reader(inputs, queue, matcher.fieldFilter());
    Thread thread = new Thread(reader, "irctl-event-reader");
    thread.setDaemon(true);
    thread.start();
    try {
      return consume(queue, listener);
    } finally {
      reader.stop();
      thread.interrupt();
    }
  }

  private Summary consume(BlockingQueue<Batch> queue, Listener listener) {
    long events = 0;
    long matched = 0;
    Set<String> fired = new TreeSet<>();
    String currentInput = null;
    long index = 0;
    while (true) {
      Batch batch = take(queue);
      if (batch.failure() != null) {
        throw batch.failure();
      }
      if (batch.end()) {
        return new Summary(events, matched, fired);
      }
      if (!batch.input().equals(currentInput)) {
        currentInput = batch.input();
        index = 0;
      }
      for (JsonNode event : batch.events()) {
        List<String> ids = matcher.matches(event);
        listener.onEvent(currentInput, ++index, event, ids);
        events++;
        if (!ids.isEmpty()) {
          matched++;
          fired.addAll(ids);
        }
      }
    }
  }

  private static Batch take(BlockingQueue<Batch> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading events", e);
    }
  }

  /** Parses every input in order into batches; stops early when the consumer has gone. */
  private static final class Reader implements Runnable {
    private final List<EventInput> inputs;
    private final BlockingQueue<Batch> queue;
    private final FieldFilter filter;
    private volatile boolean stopped;

    Reader(List<EventInput> inputs, BlockingQueue<Batch> queue, FieldFilter filter) {
      this.inputs = inputs;
      this.queue = queue;
      this.filter = filter;
    }

    void stop() {
      stopped = true;
    }

    @Override
    public void run() {
      try {
        for (EventInput input : inputs) {
          read(input);
        }
        put(new Batch(null, List.of(), null, true));
      } catch (RuntimeException e) {
        put(new Batch(null, List.of(), e, false));
      }
    }

    private void read(EventInput input) {
      List<JsonNode> batch = new ArrayList<>(BATCH_SIZE);
      try (EventReader reader = input.reader(filter)) {
        for (JsonNode event = reader.next(); event != null && !stopped; event = reader.next()) {
          batch.add(event);
          if (batch.size() == BATCH_SIZE) {
            put(new Batch(input.name(), batch, null, false));
            batch = new ArrayList<>(BATCH_SIZE);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        // The events before a malformed one still count: deliver them before the failure.
        if (!batch.isEmpty()) {
          put(new Batch(input.name(), batch, null, false));
        }
      }
    }

    private void put(Batch batch) {
      try {
        while (!stopped && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
          // The consumer is slower; wait for room unless it has stopped listening.
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
  }
}
