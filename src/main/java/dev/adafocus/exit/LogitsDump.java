package dev.adafocus.exit;

import dev.adafocus.DataFormatException;
import dev.adafocus.engine.DType;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.io.Safetensors;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Per-step logits of N videos with their labels: the file that evaluation writes and exit calibration reads.
 *
 * <p>Format: a safetensors file with {@code logits} float32 [N, T, C] (step k's logits after k processed frames, in the
 * model's processing order), {@code labels} int64 [N, S] (label slots, -1 = empty, slot 0 = the primary label, so
 * never empty; S = 3 for the official lists) and optionally {@code video_index} int64 [N] (the video's row in its
 * list file).
 *
 * <p>The arrays are shared, not copied.
 *
 * @param logits [N][T][C]
 * @param labels [N][S]
 * @param videoIndex [N], or null when the file has none
 */
public record LogitsDump(float[][][] logits, int[][] labels, long[] videoIndex) {

  /** Tensor names of the format. */
  public static final String LOGITS = "logits";
  public static final String LABELS = "labels";
  public static final String VIDEO_INDEX = "video_index";

  public LogitsDump {
    String problem = problem(logits, labels, videoIndex);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  public int videos() {
    return logits.length;
  }

  public int steps() {
    return logits[0].length;
  }

  public int classes() {
    return logits[0][0].length;
  }

  /** Slot 0 of every video: the target of top-k accuracy. */
  public int[] primaryLabels() {
    return Arrays.stream(labels).mapToInt(slots -> slots[0]).toArray();
  }

  /** The logits of every video at 0-based step {@code step}: [N][C]. */
  public float[][] stepLogits(int step) {
    float[][] out = new float[logits.length][];
    for (int i = 0; i < logits.length; i++) {
      out[i] = logits[i][step];
    }
    return out;
  }

  /** {@code count} videos drawn without replacement (kept in file order), or this dump when it has no more. */
  public LogitsDump randomSubset(int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("a subset needs at least one video, got " + count);
    }
    if (count >= videos()) {
      return this;
    }
    int[] perm = new int[videos()];
    Arrays.setAll(perm, i -> i);
    Random rng = new Random(seed);
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(perm.length - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] chosen = Arrays.copyOf(perm, count);
    Arrays.sort(chosen);
    float[][][] l = new float[count][][];
    int[][] y = new int[count][];
    long[] v = videoIndex == null ? null : new long[count];
    for (int i = 0; i < count; i++) {
      l[i] = logits[chosen[i]];
      y[i] = labels[chosen[i]];
      if (v != null) {
        v[i] = videoIndex[chosen[i]];
      }
    }
    return new LogitsDump(l, y, v);
  }

  /** Reads and validates a dump; every problem is reported with the file's name. */
  public static LogitsDump read(Path file) throws IOException {
    Map<String, HostTensor> tensors;
    try {
      tensors = Safetensors.read(file);
    } catch (NoSuchFileException e) {
      throw new DataFormatException(file, 0, "no such logits dump");
    } catch (IOException e) {
      throw new DataFormatException(file, 0, "not a readable logits dump: " + e.getMessage());
    }
    for (String name : tensors.keySet()) {
      if (!Set.of(LOGITS, LABELS, VIDEO_INDEX).contains(name)) {
        throw new DataFormatException(file, 0, "unexpected tensor '" + name + "' (a logits dump holds "
            + LOGITS + ", " + LABELS + " and optionally " + VIDEO_INDEX + ")");
      }
    }
    HostTensor logits = require(file, tensors, LOGITS, 3, Set.of(DType.F32));
    HostTensor labels = require(file, tensors, LABELS, 2, Set.of(DType.I64, DType.I32));
    long[] ls = logits.shape();
    long[] ys = labels.shape();
    if (ls[0] < 1 || ls[1] < 1 || ls[2] < 1) {
      throw new DataFormatException(file, 0, "'logits' has shape " + Arrays.toString(ls) + "; every dimension must be >= 1");
    }
    if (ys[0] != ls[0] || ys[1] < 1) {
      throw new DataFormatException(file, 0, "'labels' has shape " + Arrays.toString(ys) + " but 'logits' has "
          + ls[0] + " videos (expected [" + ls[0] + ", S] with S >= 1)");
    }
    long[] videoIndex = null;
    if (tensors.containsKey(VIDEO_INDEX)) {
      HostTensor vi = require(file, tensors, VIDEO_INDEX, 1, Set.of(DType.I64, DType.I32));
      if (vi.shape()[0] != ls[0]) {
        throw new DataFormatException(file, 0, "'video_index' has " + vi.shape()[0] + " entries for " + ls[0] + " videos");
      }
      videoIndex = vi.toLongs();
    }
    int n = (int) ls[0];
    int t = (int) ls[1];
    int c = (int) ls[2];
    FloatBuffer flat = logits.data().asFloatBuffer();
    float[][][] l = new float[n][t][c];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < t; k++) {
        flat.get(l[i][k]);
      }
    }
    long[] flatLabels = labels.toLongs();
    int s = (int) ys[1];
    int[][] y = new int[n][s];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < s; j++) {
        long v = flatLabels[i * s + j];
        if (v < -1 || v >= c) {
          throw new DataFormatException(file, 0, "video " + i + " label slot " + j + " holds " + v
              + ", outside -1.." + (c - 1) + " for " + c + " classes");
        }
        y[i][j] = (int) v;
      }
    }
    try {
      return new LogitsDump(l, y, videoIndex);
    } catch (IllegalArgumentException e) {
      throw new DataFormatException(file, 0, e.getMessage());
    }
  }

  /** Writes the dump as safetensors (atomically). */
  public void write(Path file) throws IOException {
    int n = videos();
    int t = steps();
    int c = classes();
    float[] flat = new float[n * t * c];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < t; k++) {
        System.arraycopy(logits[i][k], 0, flat, (i * t + k) * c, c);
      }
    }
    int s = labels[0].length;
    long[] flatLabels = new long[n * s];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < s; j++) {
        flatLabels[i * s + j] = labels[i][j];
      }
    }
    Map<String, HostTensor> tensors = new LinkedHashMap<>();
    tensors.put(LOGITS, HostTensor.ofFloats(new long[] {n, t, c}, flat));
    tensors.put(LABELS, HostTensor.ofLongs(new long[] {n, s}, flatLabels));
    if (videoIndex != null) {
      tensors.put(VIDEO_INDEX, HostTensor.ofLongs(new long[] {n}, videoIndex));
    }
    Safetensors.write(file, tensors, Map.of("format", "adafocus-logits-dump"));
  }

  private static HostTensor require(Path file, Map<String, HostTensor> tensors, String name, int rank, Set<DType> dtypes) {
    HostTensor h = tensors.get(name);
    if (h == null) {
      throw new DataFormatException(file, 0, "missing tensor '" + name + "'");
    }
    if (h.shape().length != rank) {
      throw new DataFormatException(file, 0, "tensor '" + name + "' has shape " + Arrays.toString(h.shape())
          + ", expected " + rank + " dimensions");
    }
    if (!dtypes.contains(h.dtype())) {
      throw new DataFormatException(file, 0, "tensor '" + name + "' has dtype " + h.dtype() + ", expected one of " + dtypes);
    }
    return h;
  }

  /** The first inconsistency of a dump, or null. */
  private static String problem(float[][][] logits, int[][] labels, long[] videoIndex) {
    if (logits.length == 0) {
      return "a logits dump needs at least one video";
    }
    if (labels.length != logits.length) {
      return logits.length + " videos of logits but " + labels.length + " rows of labels";
    }
    if (videoIndex != null && videoIndex.length != logits.length) {
      return logits.length + " videos of logits but " + videoIndex.length + " video indices";
    }
    int t = logits[0].length;
    int c = t == 0 ? 0 : logits[0][0].length;
    int s = labels[0].length;
    if (t == 0 || c == 0 || s == 0) {
      return "steps, classes and label slots must all be >= 1";
    }
    for (int i = 0; i < logits.length; i++) {
      if (logits[i].length != t || labels[i].length != s) {
        return "video " + i + " has " + logits[i].length + " steps and " + labels[i].length
            + " label slots, video 0 has " + t + " and " + s;
      }
      for (int k = 0; k < t; k++) {
        if (logits[i][k].length != c) {
          return "video " + i + " step " + k + " has " + logits[i][k].length + " classes, expected " + c;
        }
        for (float v : logits[i][k]) {
          if (!Float.isFinite(v)) {
            return "video " + i + " step " + k + " has a non-finite logit (" + v + ")";
          }
        }
      }
      for (int label : labels[i]) {
        if (label < -1 || label >= c) {
          return "video " + i + " has label " + label + ", outside -1.." + (c - 1);
        }
      }
      if (labels[i][0] < 0) {
        return "video " + i + " has an empty label slot 0 (the primary label)";
      }
    }
    return null;
  }
}
