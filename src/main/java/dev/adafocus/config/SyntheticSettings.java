package dev.adafocus.config;

import dev.adafocus.AdaFocusException;
import dev.adafocus.data.synthetic.LabelRule;
import dev.adafocus.data.synthetic.SyntheticBenchmark;
import java.util.List;

/**
 * Reads {@code data.synthetic} into the built-in benchmark's settings: keys are the snake_case names of
 * {@link SyntheticBenchmark}'s components, each optional (default: {@link SyntheticBenchmark#defaults()}).
 */
final class SyntheticSettings {
  static final List<String> KEYS = List.of("frame_size", "frames", "object_size", "min_speed", "max_speed", "clutter",
      "clutter_size", "noise", "colour_cue", "num_classes", "train_clips", "val_clips", "seed", "label");

  private SyntheticSettings() {}

  static SyntheticBenchmark read(ConfigSection s) {
    for (String key : s.keys()) {
      if (!KEYS.contains(key)) {
        String hint = Suggestions.closest(key, KEYS);
        throw s.error(key, "unknown benchmark setting" + (hint != null ? " (did you mean '" + hint + "'?)" : "; known: " + KEYS));
      }
    }
    SyntheticBenchmark d = SyntheticBenchmark.defaults();
    try {
      return new SyntheticBenchmark(intOr(s, "frame_size", d.frameSize()), intOr(s, "frames", d.frames()),
          intOr(s, "object_size", d.objectSize()), dblOr(s, "min_speed", d.minSpeed()),
          dblOr(s, "max_speed", d.maxSpeed()), intOr(s, "clutter", d.clutter()), intOr(s, "clutter_size", d.clutterSize()),
          dblOr(s, "noise", d.noise()), s.raw("colour_cue") == null ? d.colourCue() : s.bool("colour_cue"),
          intOr(s, "num_classes", d.numClasses()), intOr(s, "train_clips", d.trainClips()),
          intOr(s, "val_clips", d.valClips()), s.raw("seed") == null ? d.seed() : s.lng("seed"), label(s, d.label()));
    } catch (AdaFocusException e) {
      throw s.error("", e.getMessage());
    }
  }

  private static LabelRule label(ConfigSection s, LabelRule fallback) {
    if (s.raw("label") == null) {
      return fallback;
    }
    String key = s.oneOf("label", java.util.Arrays.stream(LabelRule.values()).map(LabelRule::key).toList());
    return LabelRule.valueOf(key.toUpperCase(java.util.Locale.ROOT));
  }

  private static int intOr(ConfigSection s, String key, int fallback) {
    return s.raw(key) == null ? fallback : s.integer(key, 0);
  }

  private static double dblOr(ConfigSection s, String key, double fallback) {
    return s.raw(key) == null ? fallback : s.dbl(key);
  }
}
