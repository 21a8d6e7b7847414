package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Replays recorded events against compiled rules and reports which rules would fire. Parsing is
 * most of the cost, so a splitter thread cuts each input into chunks of whole events ({@link
 * EventChunks}) and a worker per core parses and matches them; the calling thread takes the results
 * in input order and calls the listener. Only a few chunks are in flight: memory stays flat however
 * long the input is. A CloudTrail log file, which cannot be cut, is one piece for a worker (up to
 * {@link EventChunks#WHOLE_CHUNKS} chunks); any other input that cannot be cut is read and matched
 * in one pass.
 */
public final class EventReplay {
  /** Receives every event in input order; {@code index} counts from 1 within its input. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(String input, long index, ReplayedEvent event);
  }

  public record Summary(long events, long matchedEvents, Set<String> rulesFired) {}

  private static final int MAX_WORKERS = 4;

  /**
   * One piece of one input, in order: a chunk being parsed ({@code bytes}, {@code result}), the
   * rest of the input to read in one pass ({@code rest}), a failure to open or read it, or the end.
   */
  private record Part(
      String input,
      EventChunks.Piece bytes,
      Future<Chunk> result,
      InputStream rest,
      RuntimeException failure,
      boolean end) {}

  /** A parsed and matched chunk: its events, or the failure that stopped it, and its lines. */
  private record Chunk(List<ReplayedEvent> events, RuntimeException failure, long lines) {}

  private final CatalogMatcher matcher;
  private final FieldNames names;
  private final int workers;
  private final int chunkSize;

  public EventReplay(CatalogMatcher matcher) {
    this(
        matcher,
        Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()),
        EventChunks.SIZE);
  }

  /** Tests use small chunks to put cuts everywhere. */
  EventReplay(CatalogMatcher matcher, int workers, int chunkSize) {
    this.matcher = matcher;
    this.names = FieldNames.of(matcher.fieldFilter());
    this.workers = Math.max(1, workers);
    this.chunkSize = chunkSize;
  }

  public Summary run(List<EventInput> inputs, Listener listener) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread thread = new Thread(task, "irctl-event-matcher");
              thread.setDaemon(true);
              return thread;
            });
    BlockingQueue<Part> queue = new ArrayBlockingQueue<>(workers * 2 + 1);
    Splitter splitter = new Splitter(inputs, queue, pool);
    Thread thread = new Thread(splitter, "irctl-event-splitter");
    thread.setDaemon(true);
    thread.start();
    try {
      return new Consumer(listener).consume(queue);
    } finally {
      splitter.stop();
      thread.interrupt();
      pool.shutdownNow();
    }
  }

  /**
   * Parses and matches one chunk of whole root values: with the {@link PrunedScanner} when it can
   * vouch for every byte, else with Jackson. The scanner first reads only the fields that tell
   * whether any rule can fire ({@link EventSlots}); only for an event where one may does it build
   * the tree the rules are matched against.
   */
  private Chunk parse(String input, EventChunks.Piece chunk) {
    PrunedScanner scanner = new PrunedScanner(chunk.bytes(), chunk.length());
    Object[] slots = new Object[EventSlots.COUNT];
    List<ReplayedEvent> events = new ArrayList<>();
    try {
      while (scanner.toEvent()) {
        long mark = scanner.mark();
        Arrays.fill(slots, null);
        scanner.nextSlots(EventSlots.PLAN, slots);
        ReplayedEvent unmatched = EventSlots.unmatched(slots, matcher);
        if (unmatched != null) {
          events.add(unmatched);
          continue;
        }
        scanner.rewind(mark);
        ObjectNode root = scanner.next(names);
        if (EventReader.mayHoldEvents(root)) {
          throw PrunedScanner.Uncertain.INSTANCE;
        }
        events.add(match(EventReader.envelope(root)));
      }
    } catch (PrunedScanner.Uncertain e) {
      return parse(input, chunk.stream(), 0);
    }
    return new Chunk(events, null, scanner.newlines());
  }

  private ReplayedEvent match(JsonNode event) {
    return ReplayedEvent.of(event, matcher.matches(event));
  }

  /** Parses and matches one chunk; {@code lineOffset} only shapes error messages. */
  private Chunk parse(String input, InputStream in, long lineOffset) {
    List<ReplayedEvent> events = new ArrayList<>();
    try (EventReader reader = EventReader.openChunk(in, input, matcher.fieldFilter(), lineOffset)) {
      try {
        for (JsonNode event = reader.next(); event != null; event = reader.next()) {
          events.add(match(event));
        }
      } catch (RuntimeException e) {
        return new Chunk(events, e, 0);
      }
      // A chunk ends with a newline, so the parser stands at the start of the line after it.
      return new Chunk(events, null, reader.line() - lineOffset - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes the parts in order and delivers their events. */
  private final class Consumer {
    private final Listener listener;
    private long events;
    private long matched;
    private final Set<String> fired = new TreeSet<>();
    private String currentInput;
    private long index;
    private long lines;

    Consumer(Listener listener) {
      this.listener = listener;
    }

    Summary consume(BlockingQueue<Part> queue) {
      Part part = take(queue);
      while (true) {
        if (part.failure() != null) {
          throw part.failure();
        }
        if (part.end()) {
          return new Summary(events, matched, fired);
        }
        if (!part.input().equals(currentInput)) {
          currentInput = part.input();
          index = 0;
          lines = 0;
        }
        if (part.rest() != null) {
          deliver(parse(part.input(), part.rest(), lines));
          part = take(queue);
          continue;
        }
        Chunk chunk = await(part.result());
        Part next = take(queue);
        if (chunk.failure() != null) {
          recover(part, next);
        }
        deliver(chunk);
        lines += chunk.lines();
        part = next;
      }
    }

    /**
     * A chunk failed: read it again in one pass with the next chunk of the same input, so that a
     * mistake at the cut (a newline that was not between root values after all) is reported where
     * one parser would report it, after the events before it.
     */
    private void recover(Part failed, Part next) {
      InputStream in = failed.bytes().stream();
      if (next.bytes() != null && next.input().equals(failed.input())) {
        in = new SequenceInputStream(in, next.bytes().stream());
      }
      Chunk again = parse(failed.input(), in, lines);
      deliver(again);
      // Only reached if the chunks read together parse: the chunk's own failure stands.
      throw await(failed.result()).failure();
    }

    private void deliver(Chunk chunk) {
      for (ReplayedEvent event : chunk.events()) {
        listener.onEvent(currentInput, ++index, event);
        events++;
        if (!event.ruleIds().isEmpty()) {
          matched++;
          fired.addAll(event.ruleIds());
        }
      }
      if (chunk.failure() != null) {
        throw chunk.failure();
      }
    }
  }

  private static Chunk await(Future<Chunk> result) {
    return TaskResult.of(result, "matching events");
  }

  private static Part take(BlockingQueue<Part> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading events", e);
    }
  }

  /**
   * Cuts every input in order into chunks for the workers; stops early when the consumer has gone.
   */
  private final class Splitter implements Runnable {
    private final List<EventInput> inputs;
    private final BlockingQueue<Part> queue;
    private final ExecutorService pool;
    private volatile boolean stopped;

    Splitter(List<EventInput> inputs, BlockingQueue<Part> queue, ExecutorService pool) {
      this.inputs = inputs;
      this.queue = queue;
      this.pool = pool;
    }

    void stop() {
      stopped = true;
    }

    @Override
    public void run() {
      try {
        for (EventInput input : inputs) {
          split(input);
        }
        put(new Part(null, null, null, null, null, true));
      } catch (RuntimeException e) {
        put(new Part(null, null, null, null, e, false));
      }
    }

    private void split(EventInput input) {
      InputStream in = input.open();
      boolean owned = true;
      try {
        EventChunks chunks = new EventChunks(EventReader.ungzip(in), chunkSize);
        for (EventChunks.Piece piece = chunks.next(); piece != null && !stopped; ) {
          if (piece.rest() != null) {
            // The consumer reads the rest and closes it (closing the parser closes its source).
            owned = false;
            put(new Part(input.name(), null, null, piece.rest(), null, false));
            return;
          }
          EventChunks.Piece chunk = piece;
          Future<Chunk> result = pool.submit(() -> parse(input.name(), chunk));
          put(new Part(input.name(), chunk, result, null, null, false));
          piece = chunks.next();
        }
      } catch (IOException e) {
        throw UserException.usage(input.name() + ": cannot be read: " + e.getMessage());
      } finally {
        if (owned) {
          closeQuietly(in);
        }
      }
    }

    private void put(Part part) {
      try {
        while (!stopped && !queue.offer(part, 100, TimeUnit.MILLISECONDS)) {
          // The consumer is slower; wait for room unless it has stopped listening.
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }

    private void closeQuietly(InputStream in) {
      try {
        in.close();
      } catch (IOException e) {
        // Nothing was lost: every byte needed was read.
      }
    }
  }
}
