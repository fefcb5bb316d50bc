package dev.adafocus.models.backbones;

import dev.adafocus.nn.Layer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The Temporal Shift Module (TSM) placed in front of a layer, which it holds as child {@code net} (the official
 * wrapper, so the wrapped layer's keys gain a {@code .net} segment: {@code conv1.net.weight}).
 *
 * <p>Input [N·T, C, H, W], video-major (T consecutive rows per video). With fold = ⌊C / foldDiv⌋:
 * <ul>
 *   <li>channels [0, fold) are shifted back in time: out[t] = in[t + 1], and out[T − 1] = 0;</li>
 *   <li>channels [fold, 2·fold) are shifted forward in time: out[t] = in[t − 1], and out[0] = 0;</li>
 *   <li>the other channels are unchanged.</li>
 * </ul>
 * The shift has no parameters; its gradient is the opposite shift.
 */
public final class TemporalShift extends Layer {
  private final Layer net;
  private final Config config;

  /** Where the shift operates: {@code segments} frames per video, 1/{@code foldDiv} of the channels each way. */
  public record Config(int segments, int foldDiv) {
    public Config {
      if (segments < 1) {
        throw new IllegalArgumentException("temporal shift needs >= 1 frame per video, got " + segments);
      }
      if (foldDiv < 2) {
        throw new IllegalArgumentException("temporal shift fold divisor must be >= 2, got " + foldDiv);
      }
    }

    /** TSM's setting: 1/8 of the channels each way. */
    public static Config of(int segments) {
      return new Config(segments, 8);
    }
  }

  /** Shifts the input of {@code net}. */
  public TemporalShift(Layer net, Config config) {
    this.net = add("net", net);
    this.config = config;
  }

  @Override
  public Tensor forward(Tensor x) {
    return net.forward(shift(x, config.segments(), config.foldDiv()));
  }

  /** The shift alone (see the class comment), as a new tensor. */
  public static Tensor shift(Tensor x, long segments, long foldDiv) {
    if (x.dim() != 4 || x.size(0) % segments != 0) {
      throw new IllegalArgumentException("temporal shift expects [N·" + segments + ", C, H, W], got "
          + java.util.Arrays.toString(x.sizes().vec().get()));
    }
    long c = x.size(1);
    long fold = c / foldDiv;
    Tensor v = x.view(x.size(0) / segments, segments, c, x.size(2), x.size(3));
    Tensor back = v.narrow(2, 0, fold);
    Tensor forward = v.narrow(2, fold, fold);
    Tensor rest = v.narrow(2, 2 * fold, c - 2 * fold);
    Tensor edge = torch.zeros_like(back.narrow(1, 0, 1));
    Tensor backShifted = torch.cat(new TensorVector(back.narrow(1, 1, segments - 1), edge), 1);
    Tensor forwardShifted = torch.cat(new TensorVector(edge, forward.narrow(1, 0, segments - 1)), 1);
    return torch.cat(new TensorVector(backShifted, forwardShifted, rest), 2).view(x.size(0), c, x.size(2), x.size(3));
  }
}
