package dev.adafocus.data.transforms;

import dev.adafocus.data.RgbFrame;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The evaluation resize ({@code GroupScale(256)}, torchvision 0.8's {@code Resize(int)}): the shorter side becomes
 * {@code size}, the longer one ⌊size·long/short⌋, PIL bilinear.
 */
public record ScaleShorterSide(int size) implements ClipTransform {
  @Override
  public List<RgbFrame> apply(List<RgbFrame> clip, RandomGenerator rng) {
    return clip.stream().map(this::scale).toList();
  }

  private RgbFrame scale(RgbFrame f) {
    int w = f.width();
    int h = f.height();
    if ((w <= h && w == size) || (h <= w && h == size)) {
      return f;
    }
    if (w < h) {
      return PilBilinear.resize(f, size, (int) ((long) size * h / w));
    }
    return PilBilinear.resize(f, (int) ((long) size * w / h), size);
  }
}
