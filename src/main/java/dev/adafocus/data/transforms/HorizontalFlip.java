package dev.adafocus.data.transforms;

import dev.adafocus.data.RgbFrame;
import java.util.List;
import java.util.random.RandomGenerator;

/** Mirrors the whole clip with probability 1/2 ({@code GroupRandomHorizontalFlip}); one draw per clip. */
public record HorizontalFlip() implements ClipTransform {
  @Override
  public List<RgbFrame> apply(List<RgbFrame> clip, RandomGenerator rng) {
    if (rng.nextDouble() < 0.5) {
      return clip.stream().map(FrameOps::flipHorizontal).toList();
    }
    return clip;
  }
}
