package dev.adafocus.nn;

import java.util.Locale;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The number format the CNN backbones (glance and focus, or a baseline's frame network) compute in at inference. The
 * policy, the crop and the classifier always stay float32, and every backbone takes and returns float32 tensors, so
 * only the convolutions change format. On CPUs with AMX or AVX-512 BF16 oneDNN runs bfloat16 convolutions several
 * times faster than float32 ones; elsewhere they are emulated and slower.
 */
public enum Precision {
  /** Float32 throughout: outputs equal the training-time model's up to rounding. */
  FLOAT32("fp32", ScalarType.Float),
  /** Bfloat16 backbones (8-bit mantissa): features differ from float32 ones by about 1 % (relative L2). */
  BFLOAT16("bf16", ScalarType.BFloat16);

  /** A network that can compute in another format while taking and returning float32 tensors. */
  public interface Convertible {
    /** Computes in {@code dtype} from now on: its parameters are already converted, inputs are cast on entry. */
    void computeIn(ScalarType dtype);
  }

  private final String label;
  private final ScalarType dtype;

  Precision(String label, ScalarType dtype) {
    this.label = label;
    this.dtype = dtype;
  }

  /** The short name used on the command line and in reports ({@code fp32}, {@code bf16}). */
  public String label() {
    return label;
  }

  /** Parses {@link #label()} (case-insensitive). */
  public static Precision parse(String text) {
    for (Precision p : values()) {
      if (p.label.equals(text.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown precision '" + text + "' (expected fp32 or bf16)");
  }

  /**
   * Converts every {@link Convertible} network in {@code model} (an eval-mode model, after any BatchNorm folding, so
   * the folding itself is done in float32) to this format, in place. Float32 leaves the model as it is.
   */
  public void apply(Net model) {
    if (this == FLOAT32) {
      return;
    }
    if (model.is_training()) {
      throw new IllegalStateException("reduced precision is for inference: switch the model to eval mode first");
    }
    for (Net net : model.subtree()) {
      if (net instanceof Convertible convertible) {
        // converts parameters and buffers in place, so a folded BatchNorm's shift (its β) follows
        net.to(dtype, false);
        convertible.computeIn(dtype);
      }
    }
  }
}
