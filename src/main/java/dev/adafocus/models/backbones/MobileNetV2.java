package dev.adafocus.models.backbones;

import dev.adafocus.nn.Activation;
import dev.adafocus.nn.BatchChunking;
import dev.adafocus.nn.BatchNorm;
import dev.adafocus.nn.ComputeType;
import dev.adafocus.nn.Conv2d;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Linear;
import dev.adafocus.nn.Precision;
import dev.adafocus.nn.Sequential;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * MobileNetV2 in the layout of the checkpoint TSM distributes ({@code features.N.conv.M.*}, {@code classifier.*}):
 * ReLU6, stem of 32 channels, inverted residuals (t, c, n, s), last 1×1 conv to 1280 channels. The width multiplier
 * scales the block outputs (rounded up to multiples of 8), as in that implementation.
 */
public final class MobileNetV2 extends Layer implements Backbone, BatchChunking.Chunkable, Precision.Convertible {
  private static final int[][] SETTINGS = {
      {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

  /**
   * {@code features[0..3]}: the stem and the blocks at 1/2 and 1/4 of the input side, whose activations per image are
   * the largest (the 96-channel expansion at 112² on a 224² input); inference runs them in smaller chunks.
   */
  private static final int EARLY_LAYERS = 4;

  private final Sequential features;
  private final long lastChannel;
  private final BatchChunking.Chunks chunks;
  private final ComputeType computeType = new ComputeType();
  /** The widest activation of the early layers, in floats per input pixel. */
  private final double earlyFloatsPerPixel;

  /**
   * @param widthMult width multiplier (1.0 for the ImageNet model)
   * @param lastChannel channels of the last 1×1 conv (1280 for the ImageNet model)
   * @param numClasses size of the (unused) classifier, 1000 for ImageNet checkpoints
   */
  public MobileNetV2(double widthMult, long lastChannel, int numClasses) {
    this(widthMult, lastChannel, numClasses, null);
  }

  /**
   * The TSM variant when {@code shift} is given: a {@link TemporalShift} before {@code conv[0]} of every inverted
   * residual that has an expansion and a residual connection (keys {@code features.N.conv.0.net.weight}).
   *
   * @param numClasses size of the (unused) classifier; 0 registers none (TSN replaces it by dropout)
   * @param shift the temporal shift, or null for the plain network
   */
  public MobileNetV2(double widthMult, long lastChannel, int numClasses, TemporalShift.Config shift) {
    this.lastChannel = lastChannel;
    this.chunks = new BatchChunking.Chunks(shift == null);
    long input = 32;
    features = new Sequential(new Sequential(new Conv2d(3, input, 3, 2, 1, 1, false), new BatchNorm(input), Activation.relu6()));
    long stride = 2;
    double widest = input / 4.0;
    for (int[] s : SETTINGS) {
      long out = s[0] > 1 ? makeDivisible(s[1] * widthMult) : s[1];
      for (int i = 0; i < s[2]; i++) {
        if (features.size() < EARLY_LAYERS) {
          widest = Math.max(widest, Math.round(input * (double) s[0]) / (double) (stride * stride));
        }
        features.append(new InvertedResidual(input, out, i == 0 ? s[3] : 1, s[0], shift));
        stride *= i == 0 ? s[3] : 1;
        input = out;
      }
    }
    earlyFloatsPerPixel = widest;
    features.append(new Sequential(new Conv2d(input, lastChannel, 1, 1, 0, 1, false), new BatchNorm(lastChannel), Activation.relu6()));
    add("features", features);
    if (numClasses > 0) {
      add("classifier", new Linear(lastChannel, numClasses));
    }
    initialise();
  }

  /** The ImageNet model: width 1.0, 1280 output channels. */
  public static MobileNetV2 mobilenetV2() {
    return new MobileNetV2(1.0, 1280, 1000);
  }

  static long makeDivisible(double x) {
    return (long) (Math.ceil(x / 8.0) * 8);
  }

  /**
   * At inference with chunking on, the early layers run in chunks whose widest activation fits the allocator's
   * reusable size ({@link BatchChunking#ACTIVATION_BUDGET_BYTES}: 6 frames at 224²) and the rest in the set chunks.
   */
  @Override
  public Tensor featureMap(Tensor images) {
    return computeType.map(x -> {
      Tensor early = chunks.map(y -> features.forward(y, 0, EARLY_LAYERS), x, earlyActivationBytes(x.size(2) * x.size(3)));
      return chunks.map(y -> features.forward(y, EARLY_LAYERS, features.size()), early);
    }, images);
  }

  @Override
  public void computeIn(ScalarType dtype) {
    computeType.set(dtype);
  }

  /** Chunks the frames of a batch at inference, unless temporal shifts tie each video's frames together. */
  @Override
  public boolean chunkImages(long images) {
    return chunks.set(images);
  }

  /** Bytes of the early layers' widest activation for one image of {@code pixels} pixels. */
  long earlyActivationBytes(long pixels) {
    return (long) Math.ceil(Float.BYTES * earlyFloatsPerPixel * pixels);
  }

  /** The chunk setting (tests shrink its activation budget to exercise the early layers' chunks). */
  BatchChunking.Chunks chunks() {
    return chunks;
  }

  /** Feature map followed by global average pooling: [N, lastChannel]. */
  @Override
  public Tensor forward(Tensor x) {
    return featureMap(x).mean(new long[] {2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
  }

  @Override
  public long featureDim() {
    return lastChannel;
  }

  @Override
  public long featureMapSize(long inputSize) {
    long s = inputSize;
    for (int i = 0; i < 5; i++) {
      s = (s + 2 - 3) / 2 + 1;
    }
    return s;
  }

  /** The implementation's own initialisation: conv N(0, sqrt(2/(k·k·out))), linear N(0, 0.01), BN γ=1 β=0. */
  private void initialise() {
    try (org.bytedeco.pytorch.NoGradGuard g = new org.bytedeco.pytorch.NoGradGuard()) {
      var params = named_parameters(true);
      for (long i = 0; i < params.size(); i++) {
        var item = params.get(i);
        Tensor t = item.value();
        String name = item.key().getString();
        if (t.dim() == 4) {
          t.normal_(0, Math.sqrt(2.0 / (t.size(0) * t.size(2) * t.size(3))), new GeneratorOptional());
        } else if (name.startsWith("classifier.")) {
          if (t.dim() == 2) {
            t.normal_(0, 0.01, new GeneratorOptional());
          } else {
            t.zero_();
          }
        }
      }
    }
  }

  /**
   * Expansion 1×1 (if t > 1) → depthwise 3×3 → linear 1×1, with a residual when stride 1 and in = out; with a shift
   * config, blocks with both an expansion and a residual shift the input of their first conv.
   */
  static final class InvertedResidual extends Layer {
    private final Sequential conv;
    private final boolean residual;

    InvertedResidual(long in, long out, long stride, int expandRatio, TemporalShift.Config shift) {
      long hidden = Math.round(in * (double) expandRatio);
      residual = stride == 1 && in == out;
      if (expandRatio == 1) {
        conv = new Sequential(new Conv2d(hidden, hidden, 3, stride, 1, hidden, false), new BatchNorm(hidden), Activation.relu6(),
            new Conv2d(hidden, out, 1, 1, 0, 1, false), new BatchNorm(out));
      } else {
        Layer expand = new Conv2d(in, hidden, 1, 1, 0, 1, false);
        if (shift != null && residual) {
          expand = new TemporalShift(expand, shift);
        }
        conv = new Sequential(expand, new BatchNorm(hidden), Activation.relu6(),
            new Conv2d(hidden, hidden, 3, stride, 1, hidden, false), new BatchNorm(hidden), Activation.relu6(),
            new Conv2d(hidden, out, 1, 1, 0, 1, false), new BatchNorm(out));
      }
      add("conv", conv);
    }

    @Override
    public Tensor forward(Tensor x) {
      Tensor y = conv.forward(x);
      return residual ? x.add(y) : y;
    }
  }
}
