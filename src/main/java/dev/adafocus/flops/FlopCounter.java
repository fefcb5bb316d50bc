package dev.adafocus.flops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts multiply-accumulates (the papers' "FLOPs": conv, linear and GRU layers only, thop-style) of the layers that
 * run on the current thread while a counter is active, grouped by the innermost named section.
 */
public final class FlopCounter implements AutoCloseable {
  private static final ThreadLocal<FlopCounter> ACTIVE = new ThreadLocal<>();

  private final Map<String, Long> bySection = new LinkedHashMap<>();
  private final FlopCounter previous;
  private String section = "other";

  private FlopCounter() {
    this.previous = ACTIVE.get();
  }

  /** Starts counting on this thread until {@link #close()}. */
  public static FlopCounter start() {
    FlopCounter c = new FlopCounter();
    ACTIVE.set(c);
    return c;
  }

  /** Called by layers: adds {@code macs} to the active counter, if any. */
  public static void record(long macs) {
    FlopCounter c = ACTIVE.get();
    if (c != null) {
      c.bySection.merge(c.section, macs, Long::sum);
    }
  }

  /** Attributes the MACs recorded until the returned handle closes to {@code name} (sections do not nest). */
  public static Section section(String name) {
    FlopCounter c = ACTIVE.get();
    if (c == null) {
      return () -> {};
    }
    String before = c.section;
    c.section = name;
    return () -> c.section = before;
  }

  /** MACs per section, in first-seen order. */
  public Map<String, Long> bySection() {
    return new LinkedHashMap<>(bySection);
  }

  /** All MACs recorded. */
  public long total() {
    return bySection.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    if (previous == null) {
      ACTIVE.remove();
    } else {
      ACTIVE.set(previous);
    }
  }

  /** A section handle; closing it restores the enclosing section. */
  @FunctionalInterface
  public interface Section extends AutoCloseable {
    @Override
    void close();
  }
}
