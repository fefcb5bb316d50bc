package dev.adafocus.config;

import dev.adafocus.data.FrameTemplate;
import dev.adafocus.data.synthetic.SyntheticBenchmark;
import java.util.List;

/**
 * The data section: where videos come from and how batches are made.
 *
 * @param kind list-file format of the dataset, or {@code synthetic} for the built-in benchmark
 * @param root folder the list entries are relative to
 * @param trainList training list file
 * @param valList validation/test list file
 * @param frameTemplate frame file name pattern inside a video folder (e.g. {@code image_%05d.jpg})
 * @param labelMap class-index file (index,name per line)
 * @param numWorkers loader threads
 * @param batchSize videos per (micro-)batch
 * @param inputSize training crop side (defaults to model.input_size)
 * @param scaleSize shorter side before the evaluation centre crop
 * @param scales multi-scale crop ratios
 * @param flip horizontal flip in training
 * @param synthetic settings of the built-in benchmark (required when kind is {@code synthetic}), or null
 */
public record DataConfig(String kind, String root, String trainList, String valList, String frameTemplate,
    String labelMap, int numWorkers, int batchSize, int inputSize, int scaleSize, List<Double> scales, boolean flip,
    SyntheticBenchmark synthetic) {

  static DataConfig read(ConfigSection s, int modelInputSize) {
    String kind = s.requiredStr("kind");
    if (kind.equals("synthetic") && s.raw("synthetic") == null) {
      throw s.error("synthetic", "data.kind is 'synthetic' but the data.synthetic section is missing");
    }
    if (s.raw("synthetic") != null && !(s.raw("synthetic") instanceof java.util.Map)) {
      throw s.error("synthetic", "expected a mapping of benchmark settings");
    }
    SyntheticBenchmark synthetic = s.raw("synthetic") == null ? null : SyntheticSettings.read(s.sub("synthetic"));
    int inputSize = s.raw("input_size") == null ? modelInputSize : s.integer("input_size", 1);
    List<Double> scales = s.doubles("scales");
    for (double d : scales) {
      if (!(d > 0 && d <= 1)) {
        throw s.error("scales", "every scale must be in (0, 1], got " + d);
      }
    }
    String frameTemplate = s.str("frame_template");
    if (frameTemplate != null) {
      try {
        new FrameTemplate(frameTemplate);
      } catch (IllegalArgumentException e) {
        throw s.error("frame_template", e.getMessage());
      }
    }
    return new DataConfig(kind, s.str("root"), s.str("train_list"), s.str("val_list"), frameTemplate,
        s.str("label_map"), s.integer("num_workers", 0), s.integer("batch_size", 1), inputSize,
        s.integer("scale_size", 1), scales, s.bool("flip"), synthetic);
  }
}
