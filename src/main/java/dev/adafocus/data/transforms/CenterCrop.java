package dev.adafocus.data.transforms;

import dev.adafocus.data.RgbFrame;
import java.util.List;
import java.util.random.RandomGenerator;

/** The centre size×size crop (torchvision's {@code CenterCrop}: offsets round((W-size)/2) half-to-even). */
public record CenterCrop(int size) implements ClipTransform {
  @Override
  public List<RgbFrame> apply(List<RgbFrame> clip, RandomGenerator rng) {
    return clip.stream().map(f -> FrameOps.crop(f, (int) Math.rint((f.width() - size) / 2.0),
        (int) Math.rint((f.height() - size) / 2.0), size, size)).toList();
  }
}
