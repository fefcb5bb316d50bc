package dev.adafocus.models.adafocus;

import dev.adafocus.engine.Devices;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import dev.adafocus.exit.ExitOutcome;
import dev.adafocus.exit.ExitPolicy;
import dev.adafocus.exit.ExitTracker;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Inference with conditional exit that really stops: frames are processed one step at a time in the processing
 * (coarse-to-fine) order, and a video that the exit policy stops costs nothing more — its remaining frames never go
 * through the glance, policy, focus or classifier. Evaluation mode only (BatchNorm then works row by row, so each
 * step's logits equal those of the whole-clip forward).
 */
public final class StepwiseInference {
  private final AdaFocusV2 model;

  public StepwiseInference(AdaFocusV2 model) {
    this.model = model;
  }

  /**
   * Per video: exit step and prediction ({@link ExitOutcome}), and for each processed step the patch location
   * [video][step][2] and the logits [video][step][class].
   */
  public record Result(ExitOutcome outcome, float[][][] actions, float[][][] stepLogits) {}

  /** Runs a batch [B, T·3, S, S] until every video has exited. */
  public Result run(Tensor video, ExitPolicy exitPolicy) {
    AdaFocusConfig c = model.config();
    int batch = (int) video.size(0);
    int frames = c.frames();
    if (exitPolicy.steps() != frames) {
      throw new IllegalArgumentException("exit thresholds are for " + exitPolicy.steps() + " steps but the model has "
          + frames + " frames");
    }
    ExitTracker tracker = new ExitTracker(exitPolicy, batch);
    float[][][] actions = new float[batch][][];
    float[][][] seen = new float[batch][][];
    for (int b = 0; b < batch; b++) {
      actions[b] = new float[0][];
      seen[b] = new float[0][];
    }
    try (NativeScope scope = NativeScope.open(); NoGradGuard ng = new NoGradGuard()) {
      // batches are made on the CPU; the model may live on a CUDA device
      Device device = model.parameters().get(0).device();
      Tensor clips = model.framesOf(Devices.move(video, device)).view(batch, frames, 3, c.inputSize(), c.inputSize());
      Tensor state = null;
      Tensor pooled = null;
      int[] rows = tracker.active();
      for (int t = 0; !tracker.done(); t++) {
        Tensor index = Devices.move(Tensors.longs(toLongs(rows), rows.length), device);
        Tensor x = clips.index_select(0, index).select(1, t);
        GlanceNetwork.Output g = model.glance().forward(x);
        Tensor h = model.policy().step(model.policy().encode(g.map()),
            state == null ? model.policy().initialState(rows.length, g.vector()) : state);
        Tensor a = model.policy().locate(h);
        Tensor local = model.focus().forward(PatchCrop.crop(x, a, c.patchSize()));
        Tensor z = model.classifier().embed(torch.cat(new TensorVector(g.vector(), local), 1));
        Tensor running = pooled == null ? z : torch.max(pooled, z);
        Tensor logits = model.classifier().head(t, running);
        float[][] stepLogits = rows(logits);
        float[][] stepActions = rows(a);
        for (int r = 0; r < rows.length; r++) {
          actions[rows[r]] = append(actions[rows[r]], stepActions[r]);
          seen[rows[r]] = append(seen[rows[r]], stepLogits[r]);
        }
        tracker.observe(t, stepLogits);
        int[] next = tracker.active();
        if (next.length > 0) {
          Tensor keep = Devices.move(Tensors.longs(toLongs(positions(rows, next)), next.length), device);
          state = h.index_select(0, keep);
          pooled = running.index_select(0, keep);
        }
        rows = next;
      }
    }
    return new Result(tracker.outcome(), actions, seen);
  }

  private static float[][] append(float[][] rows, float[] row) {
    float[][] grown = java.util.Arrays.copyOf(rows, rows.length + 1);
    grown[rows.length] = row;
    return grown;
  }

  /** Positions within {@code rows} (increasing) of the videos in {@code subset} (increasing). */
  private static int[] positions(int[] rows, int[] subset) {
    int[] out = new int[subset.length];
    int r = 0;
    for (int i = 0; i < subset.length; i++) {
      while (rows[r] != subset[i]) {
        r++;
      }
      out[i] = r;
    }
    return out;
  }

  private static long[] toLongs(int[] v) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  private static float[][] rows(Tensor t) {
    int n = (int) t.size(0);
    int m = (int) t.size(1);
    float[] flat = Tensors.toFloats(t);
    float[][] out = new float[n][m];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * m, out[i], 0, m);
    }
    return out;
  }
}
