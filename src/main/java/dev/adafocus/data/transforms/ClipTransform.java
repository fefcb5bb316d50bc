package dev.adafocus.data.transforms;

import dev.adafocus.data.RgbFrame;
import java.util.List;
import java.util.random.RandomGenerator;

/** A transform of a whole clip: random choices are drawn once per clip, so all frames change alike. */
@FunctionalInterface
public interface ClipTransform {
  /** Transforms {@code clip} (frames of equal size), drawing any random choice from {@code rng}. */
  List<RgbFrame> apply(List<RgbFrame> clip, RandomGenerator rng);

  /** This transform followed by {@code next}. */
  default ClipTransform then(ClipTransform next) {
    return (clip, rng) -> next.apply(apply(clip, rng), rng);
  }
}
