package dev.adafocus.models.backbones;

import dev.adafocus.nn.Layer;
import java.util.List;
import java.util.Locale;

/**
 * Names a backbone architecture and its width: {@code mobilenet_v2} (width multiplier), {@code resnet10/18/34/50}
 * (width scales the 64 base channels), and {@code small_resnet10/18} (the small-input stem: feature map = input/8, for
 * CPU-sized models on frames or patches of a few dozen pixels). Width 1 gives the torchvision/TSM ImageNet layouts.
 */
public record BackboneSpec(String arch, double width) {
  /** Every accepted architecture name. */
  public static final List<String> ARCHITECTURES =
      List.of("mobilenet_v2", "resnet10", "resnet18", "resnet34", "resnet50", "small_resnet10", "small_resnet18");

  public BackboneSpec {
    arch = arch.toLowerCase(Locale.ROOT);
    if (!ARCHITECTURES.contains(arch)) {
      throw new IllegalArgumentException("unknown backbone '" + arch + "'; use " + String.join(", ", ARCHITECTURES));
    }
    if (!(width > 0) || width > 4) {
      throw new IllegalArgumentException("backbone width must be in (0, 4], got " + width);
    }
  }

  /** Builds the network (a {@link Layer} that is a {@link Backbone}) with freshly initialised weights. */
  public Layer build() {
    return build(1000, null);
  }

  /**
   * Builds the TSM variant used by TSN: temporal shifts as the official code inserts them (see {@link MobileNetV2}
   * and {@link ResNet}) and no ImageNet classifier (TSN replaces it by dropout, so its keys are absent).
   */
  public Layer buildTsm(TemporalShift.Config shift) {
    return build(0, shift);
  }

  private Layer build(int numClasses, TemporalShift.Config shift) {
    if (arch.equals("mobilenet_v2")) {
      // 1280 at width 1 (the ImageNet layout); below 1 the last conv shrinks too, so CPU-sized variants stay small
      return new MobileNetV2(width, width == 1 ? 1280 : MobileNetV2.makeDivisible(1280 * width), numClasses, shift);
    }
    int base = (int) Math.round(64 * width);
    boolean small = arch.startsWith("small_");
    return switch (arch.replace("small_", "")) {
      case "resnet10" -> new ResNet(ResNet.Block.BASIC, new int[] {1, 1, 1, 1}, base, numClasses, small, shift);
      case "resnet18" -> new ResNet(ResNet.Block.BASIC, new int[] {2, 2, 2, 2}, base, numClasses, small, shift);
      case "resnet34" -> new ResNet(ResNet.Block.BASIC, new int[] {3, 4, 6, 3}, base, numClasses, false, shift);
      default -> new ResNet(ResNet.Block.BOTTLENECK, new int[] {3, 4, 6, 3}, base, numClasses, false, shift);
    };
  }
}
