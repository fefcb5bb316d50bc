package dev.adafocus.engine;

import dev.adafocus.CheckpointException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a weight file's tensors fit a model: what was loaded, what the model lacks (missing), what the file has that
 * the model does not (unexpected), shape mismatches, and what was skipped on purpose (ignored, with the reason).
 */
public record LoadReport(List<String> loaded, List<String> missing, List<String> unexpected,
    List<ShapeMismatch> shapeMismatched, List<String> ignored) {

  /** A key present on both sides with different shapes. */
  public record ShapeMismatch(String key, long[] fileShape, long[] modelShape) {
    @Override
    public String toString() {
      return key + " (file " + Arrays.toString(fileShape) + ", model " + Arrays.toString(modelShape) + ")";
    }
  }

  private static final int LISTED = 8;

  public LoadReport {
    loaded = List.copyOf(loaded);
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
    shapeMismatched = List.copyOf(shapeMismatched);
    ignored = List.copyOf(ignored);
  }

  /** True when every model tensor is covered and the file has nothing left over (apart from ignored keys). */
  public boolean complete() {
    return missing.isEmpty() && unexpected.isEmpty() && shapeMismatched.isEmpty();
  }

  /** One line summarising the load, naming the offending keys (at most a few of each kind). */
  public String message(Object source) {
    StringBuilder sb = new StringBuilder();
    sb.append(source).append(complete() ? ": loaded " : ": does not fit the model: loaded ").append(loaded.size())
        .append(" tensors");
    part(sb, missing, "missing (in the model, not in the file)");
    part(sb, unexpected, "unexpected (in the file, not in the model)");
    part(sb, shapeMismatched, "with a different shape");
    if (!ignored.isEmpty()) {
      sb.append("; ").append(ignored.size()).append(" ignored by design (unused 1000-way heads, num_batches_tracked)");
    }
    return sb.toString();
  }

  /** Throws a {@link CheckpointException} with {@link #message} unless the load is {@link #complete()}. */
  public LoadReport requireComplete(Object source) {
    if (!complete()) {
      throw new CheckpointException(message(source));
    }
    return this;
  }

  private static void part(StringBuilder sb, List<?> items, String what) {
    if (items.isEmpty()) {
      return;
    }
    sb.append("; ").append(items.size()).append(' ').append(what).append(": ")
        .append(items.stream().limit(LISTED).map(String::valueOf).collect(Collectors.joining(", ")));
    if (items.size() > LISTED) {
      sb.append(", ... (").append(items.size() - LISTED).append(" more)");
    }
  }
}
