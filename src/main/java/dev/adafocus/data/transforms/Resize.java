package dev.adafocus.data.transforms;

import dev.adafocus.data.RgbFrame;
import java.util.List;
import java.util.random.RandomGenerator;

/** Resize every frame to width×height (PIL bilinear). */
public record Resize(int width, int height) implements ClipTransform {
  @Override
  public List<RgbFrame> apply(List<RgbFrame> clip, RandomGenerator rng) {
    return clip.stream().map(f -> PilBilinear.resize(f, width, height)).toList();
  }
}
