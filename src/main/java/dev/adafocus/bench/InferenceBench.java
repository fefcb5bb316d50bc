package dev.adafocus.bench;

import dev.adafocus.engine.NativeScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Times eval forwards of several models interleaved: every repeat runs each model once per batch size, starting
 * from a different model each time, so that load changes on a shared machine hit all models alike.
 */
public final class InferenceBench {
  private InferenceBench() {}

  /** Per-call timings of one subject, by batch size. */
  public record SubjectTimings(BenchSubject subject, Map<Integer, Samples> byBatch) {}

  /**
   * @param subjects models, all taking videos [B, frames·3, inputSize, inputSize]
   * @param batchSizes batch sizes to measure (1 = latency, larger = throughput)
   * @param warmup untimed calls per subject and batch size before timing
   * @param repeats timed calls per subject and batch size
   */
  public static List<SubjectTimings> run(List<BenchSubject> subjects, int frames, int inputSize, List<Integer> batchSizes,
      int warmup, int repeats) {
    if (repeats < 1 || warmup < 0) {
      throw new IllegalArgumentException("need repeats >= 1 and warmup >= 0");
    }
    int n = subjects.size();
    Map<Integer, double[][]> samples = new LinkedHashMap<>();
    for (int batch : batchSizes) {
      // one input per batch size, and the stages' intermediates, made outside the timed region (decoding is not part of
      // the model's cost) and freed before the next batch size
      try (NativeScope inputs = NativeScope.open()) {
        Tensor video = torch.randn(new long[] {batch, 3L * frames, inputSize, inputSize}, new TensorOptions(ScalarType.Float));
        samples.put(batch, new double[n][repeats]);
        Runnable[] calls = new Runnable[n];
        for (int i = 0; i < n; i++) {
          calls[i] = ready(subjects.get(i), video);
        }
        for (int w = 0; w < warmup; w++) {
          for (int i = 0; i < n; i++) {
            timeOnce(subjects.get(i), calls[i]);
          }
        }
        for (int r = 0; r < repeats; r++) {
          for (int k = 0; k < n; k++) {
            int i = (r + k) % n;
            samples.get(batch)[i][r] = timeOnce(subjects.get(i), calls[i]);
          }
        }
      }
    }
    List<SubjectTimings> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<Integer, Samples> byBatch = new LinkedHashMap<>();
      for (int batch : batchSizes) {
        byBatch.put(batch, new Samples(samples.get(batch)[i]));
      }
      out.add(new SubjectTimings(subjects.get(i), byBatch));
    }
    return out;
  }

  /** Resident memory after each of {@code iterations} batch-1 forwards of {@code subject}. */
  public static MemoryTrace memory(BenchSubject subject, int frames, int inputSize, int iterations) {
    long[] resident = new long[iterations];
    try (NativeScope inputs = NativeScope.open()) {
      Tensor video = torch.randn(new long[] {1, 3L * frames, inputSize, inputSize}, new TensorOptions(ScalarType.Float));
      Runnable call = ready(subject, video);
      for (int i = 0; i < iterations; i++) {
        timeOnce(subject, call);
        resident[i] = MemoryTrace.residentNow();
      }
    }
    return new MemoryTrace(resident);
  }

  /** Readies {@code subject}'s call on {@code video} under its gradient mode (untimed). */
  private static Runnable ready(BenchSubject subject, Tensor video) {
    try (Pointer guard = subject.optimisation().enter()) {
      return subject.callOn(video);
    }
  }

  /** Milliseconds of one call, including the release of its temporaries. */
  static double timeOnce(BenchSubject s, Runnable call) {
    long t0 = System.nanoTime();
    try (NativeScope scope = NativeScope.open(); Pointer guard = s.optimisation().enter()) {
      call.run();
    }
    return (System.nanoTime() - t0) / 1e6;
  }
}
