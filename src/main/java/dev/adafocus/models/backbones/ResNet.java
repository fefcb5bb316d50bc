package dev.adafocus.models.backbones;

import dev.adafocus.engine.FusedConvolution;
import dev.adafocus.nn.ActivationFusion;
import dev.adafocus.nn.BatchChunking;
import dev.adafocus.nn.BatchNorm;
import dev.adafocus.nn.ComputeType;
import dev.adafocus.nn.Conv2d;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Linear;
import dev.adafocus.nn.Precision;
import dev.adafocus.nn.Sequential;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * ResNet in torchvision's layout (conv1, bn1, layer1..4, fc; stride in the 3×3 conv, "V1.5"), with a configurable
 * base width so that CPU-sized variants exist. The 1000-way {@code fc} is kept for checkpoint compatibility but not
 * used by {@link #featureMap}.
 */
public final class ResNet extends Layer implements Backbone, ActivationFusion.Fusable, BatchChunking.Chunkable,
    Precision.Convertible {
  /** Residual block type. */
  public enum Block {
    BASIC(1), BOTTLENECK(4);

    final int expansion;

    Block(int expansion) {
      this.expansion = expansion;
    }
  }

  private final Conv2d conv1;
  private final BatchNorm bn1;
  private final Sequential[] layers = new Sequential[4];
  private final long featureDim;
  private final boolean smallInputStem;
  private final BatchChunking.Chunks chunks;
  private final ComputeType computeType = new ComputeType();

  /**
   * @param block residual block type
   * @param depths number of blocks in each of the four stages
   * @param baseWidth channels of the stem and of the first stage (64 in torchvision)
   * @param numClasses size of the (unused) classification head, 1000 for ImageNet checkpoints
   * @param smallInputStem use the small-input (CIFAR) stem: a 3×3 stride-1 conv1 and no max-pool, so the feature map
   *     is 1/8 of the input instead of 1/32 (for inputs of a few dozen pixels)
   */
  public ResNet(Block block, int[] depths, int baseWidth, int numClasses, boolean smallInputStem) {
    this(block, depths, baseWidth, numClasses, smallInputStem, null);
  }

  /**
   * The TSM variant when {@code shift} is given (TSM's "blockres" place): a {@link TemporalShift} before {@code conv1}
   * of every block, on the residual branch only (keys {@code layerS.B.conv1.net.weight}); the identity path is not
   * shifted.
   *
   * @param numClasses size of the (unused) classification head; 0 registers none (TSN replaces it by dropout)
   * @param shift the temporal shift, or null for the plain network
   */
  public ResNet(Block block, int[] depths, int baseWidth, int numClasses, boolean smallInputStem, TemporalShift.Config shift) {
    if (depths.length != 4) {
      throw new IllegalArgumentException("ResNet needs 4 stage depths, got " + depths.length);
    }
    this.smallInputStem = smallInputStem;
    this.chunks = new BatchChunking.Chunks(shift == null);
    conv1 = add("conv1", smallInputStem ? new Conv2d(3, baseWidth, 3, 1, 1, 1, false) : new Conv2d(3, baseWidth, 7, 2, 3, 1, false));
    bn1 = add("bn1", new BatchNorm(baseWidth));
    long inPlanes = baseWidth;
    for (int s = 0; s < 4; s++) {
      long planes = (long) baseWidth << s;
      Sequential stage = new Sequential();
      for (int b = 0; b < depths[s]; b++) {
        long stride = (b == 0 && s > 0) ? 2 : 1;
        stage.append(block == Block.BOTTLENECK
            ? new Bottleneck(inPlanes, planes, stride, shift)
            : new BasicBlock(inPlanes, planes, stride, shift));
        inPlanes = planes * block.expansion;
      }
      layers[s] = add("layer" + (s + 1), stage);
    }
    featureDim = inPlanes;
    if (numClasses > 0) {
      add("fc", new Linear(featureDim, numClasses));
    }
    initialise(this);
  }

  @Override
  public Tensor featureMap(Tensor images) {
    return computeType.map(x -> chunks.map(this::wholeFeatureMap, x), images);
  }

  @Override
  public void computeIn(torch.ScalarType dtype) {
    computeType.set(dtype);
  }

  /** Chunks the images of a batch at inference, unless temporal shifts tie each video's frames together. */
  @Override
  public boolean chunkImages(long images) {
    return chunks.set(images);
  }

  private Tensor wholeFeatureMap(Tensor x) {
    x = convBnRelu(conv1, bn1, x);
    if (!smallInputStem) {
      x = torch.max_pool2d(x, new long[] {3, 3}, new long[] {2, 2}, new long[] {1, 1}, new long[] {1, 1}, false);
    }
    for (Sequential stage : layers) {
      x = stage.forward(x);
    }
    return x;
  }

  /** Feature map followed by global average pooling: [N, featureDim]. */
  @Override
  public Tensor forward(Tensor x) {
    return featureMap(x).mean(new long[] {2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
  }

  @Override
  public long featureDim() {
    return featureDim;
  }

  @Override
  public long featureMapSize(long inputSize) {
    long s = inputSize;
    if (!smallInputStem) {
      s = (s + 2 * 3 - 7) / 2 + 1; // conv1
      s = (s + 2 - 3) / 2 + 1; // maxpool
    }
    for (int i = 0; i < 3; i++) {
      s = (s + 2 - 3) / 2 + 1; // stride-2 3x3 conv of layers 2..4
    }
    return s;
  }

  /** torchvision's initialisation: kaiming-normal (fan_out, ReLU) convolutions, BN γ=1, β=0. */
  private static void initialise(Layer root) {
    try (org.bytedeco.pytorch.NoGradGuard g = new org.bytedeco.pytorch.NoGradGuard()) {
      var params = root.named_parameters(true);
      for (long i = 0; i < params.size(); i++) {
        var item = params.get(i);
        Tensor t = item.value();
        if (t.dim() == 4) {
          long fanOut = t.size(0) * t.size(2) * t.size(3);
          t.normal_(0, Math.sqrt(2.0 / fanOut), new org.bytedeco.pytorch.GeneratorOptional());
        }
      }
    }
  }

  @Override
  public int fuseActivations() {
    return ActivationFusion.fuseIfFolded(conv1, bn1, FusedConvolution.Activation.RELU);
  }

  /** relu(bn(conv(x))), as one fused call once {@link ActivationFusion} has fused the ReLU into the convolution. */
  private static Tensor convBnRelu(Layer conv, BatchNorm bn, Tensor x) {
    return conv instanceof Conv2d c && c.hasFusedActivation() ? c.forward(x) : torch.relu(bn.forward(conv.forward(x)));
  }

  /** relu(bn(conv(x)) + identity), the end of a residual block; one fused call once fused. */
  private static Tensor convBnAddRelu(Conv2d conv, BatchNorm bn, Tensor x, Tensor identity) {
    return conv.hasFusedActivation() ? conv.forwardAdd(x, identity) : torch.relu(bn.forward(conv.forward(x)).add(identity));
  }

  /** The first conv of a block, behind a temporal shift when one is configured. */
  private static Layer firstConv(Conv2d conv, TemporalShift.Config shift) {
    return shift == null ? conv : new TemporalShift(conv, shift);
  }

  /** Two 3×3 convolutions (ResNet-18/34). */
  static final class BasicBlock extends Layer implements ActivationFusion.Fusable {
    private final Layer conv1;
    private final BatchNorm bn1;
    private final Conv2d conv2;
    private final BatchNorm bn2;
    private final Sequential downsample;

    BasicBlock(long inPlanes, long planes, long stride, TemporalShift.Config shift) {
      conv1 = add("conv1", firstConv(new Conv2d(inPlanes, planes, 3, stride, 1, 1, false), shift));
      bn1 = add("bn1", new BatchNorm(planes));
      conv2 = add("conv2", new Conv2d(planes, planes, 3, 1, 1, 1, false));
      bn2 = add("bn2", new BatchNorm(planes));
      downsample = stride != 1 || inPlanes != planes
          ? add("downsample", new Sequential(new Conv2d(inPlanes, planes, 1, stride, 0, 1, false), new BatchNorm(planes)))
          : null;
    }

    @Override
    public Tensor forward(Tensor x) {
      Tensor out = convBnRelu(conv1, bn1, x);
      Tensor identity = downsample == null ? x : downsample.forward(x);
      return convBnAddRelu(conv2, bn2, out, identity);
    }

    @Override
    public int fuseActivations() {
      return ActivationFusion.fuseIfFolded(conv1, bn1, FusedConvolution.Activation.RELU)
          + ActivationFusion.fuseIfFolded(conv2, bn2, FusedConvolution.Activation.RELU);
    }
  }

  /** 1×1 → 3×3 (strided) → 1×1 bottleneck with expansion 4 (ResNet-50). */
  static final class Bottleneck extends Layer implements ActivationFusion.Fusable {
    private final Layer conv1;
    private final BatchNorm bn1;
    private final Conv2d conv2;
    private final BatchNorm bn2;
    private final Conv2d conv3;
    private final BatchNorm bn3;
    private final Sequential downsample;

    Bottleneck(long inPlanes, long planes, long stride, TemporalShift.Config shift) {
      long out = planes * 4;
      conv1 = add("conv1", firstConv(new Conv2d(inPlanes, planes, 1, 1, 0, 1, false), shift));
      bn1 = add("bn1", new BatchNorm(planes));
      conv2 = add("conv2", new Conv2d(planes, planes, 3, stride, 1, 1, false));
      bn2 = add("bn2", new BatchNorm(planes));
      conv3 = add("conv3", new Conv2d(planes, out, 1, 1, 0, 1, false));
      bn3 = add("bn3", new BatchNorm(out));
      downsample = stride != 1 || inPlanes != out
          ? add("downsample", new Sequential(new Conv2d(inPlanes, out, 1, stride, 0, 1, false), new BatchNorm(out)))
          : null;
    }

    @Override
    public Tensor forward(Tensor x) {
      Tensor out = convBnRelu(conv1, bn1, x);
      out = convBnRelu(conv2, bn2, out);
      Tensor identity = downsample == null ? x : downsample.forward(x);
      return convBnAddRelu(conv3, bn3, out, identity);
    }

    @Override
    public int fuseActivations() {
      return ActivationFusion.fuseIfFolded(conv1, bn1, FusedConvolution.Activation.RELU)
          + ActivationFusion.fuseIfFolded(conv2, bn2, FusedConvolution.Activation.RELU)
          + ActivationFusion.fuseIfFolded(conv3, bn3, FusedConvolution.Activation.RELU);
    }
  }
}
