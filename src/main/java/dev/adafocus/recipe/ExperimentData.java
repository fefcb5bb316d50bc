package dev.adafocus.recipe;

import dev.adafocus.config.DataConfig;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.config.ModelConfig;
import dev.adafocus.data.ClipSampling;
import dev.adafocus.data.DataLoader;
import dev.adafocus.data.DatasetLayout;
import dev.adafocus.data.FrameTemplate;
import dev.adafocus.data.ListFileParser;
import dev.adafocus.data.LoaderOptions;
import dev.adafocus.data.VideoDataset;
import dev.adafocus.data.VideoOpener;
import dev.adafocus.data.VideoRecord;
import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.data.synthetic.Split;
import dev.adafocus.data.transforms.Normalize;
import dev.adafocus.data.transforms.Resize;
import dev.adafocus.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The datasets a config describes: official list files with frame folders or videos, or the built-in benchmark. */
public final class ExperimentData {
  /** {@code data.kind} values and the dataset conventions they select. */
  static final Map<String, DatasetLayout> LAYOUTS = Map.of("actnet", DatasetLayout.ACTIVITYNET, "fcvid",
      DatasetLayout.FCVID, "minik", DatasetLayout.MINI_KINETICS, "sthv1", DatasetLayout.SOMETHING_V1, "sthv2",
      DatasetLayout.SOMETHING_V2, "jester", DatasetLayout.JESTER, "videos", DatasetLayout.VIDEO_FILES);

  /** {@code data.kind} of the built-in benchmark. */
  public static final String SYNTHETIC = "synthetic";

  private ExperimentData() {}

  /** Whether {@code kind} is a dataset this module can build. */
  public static boolean supports(String kind) {
    return SYNTHETIC.equals(kind) || LAYOUTS.containsKey(kind.toLowerCase(Locale.ROOT));
  }

  /** The training (shuffled, augmented) or evaluation split as a batch source. */
  public static LoaderBatches split(ExperimentConfig config, boolean training) {
    DataConfig d = config.data();
    VideoDataset ds = dataset(config, training);
    LoaderOptions opts = training ? LoaderOptions.training(d.batchSize(), d.numWorkers(), config.train().seed())
        : LoaderOptions.evaluation(d.batchSize(), d.numWorkers());
    return new LoaderBatches(new DataLoader(ds, opts));
  }

  /** The dataset of one split. */
  public static VideoDataset dataset(ExperimentConfig config, boolean training) {
    DataConfig d = config.data();
    ModelConfig m = config.model();
    ClipSampling sampling = m.clipSampling(training);
    if (SYNTHETIC.equals(d.kind())) {
      BenchmarkGenerator gen = new BenchmarkGenerator(d.synthetic());
      Split split = training ? Split.TRAIN : Split.VAL;
      List<VideoRecord> records = new ArrayList<>();
      Path origin = Path.of("synthetic-" + split.name().toLowerCase(Locale.ROOT));
      for (int i = 0; i < gen.size(split); i++) {
        records.add(new VideoRecord(String.valueOf(i), d.synthetic().frames(), new int[] {gen.label(split, i)}, origin, i + 1));
      }
      VideoOpener opener = r -> gen.clip(split, Integer.parseInt(r.path()));
      // generated frames are already at the input size; flips would change digits, so no augmentation
      return new VideoDataset(records, opener, sampling, new Resize(m.inputSize(), m.inputSize()), Normalize.IMAGENET);
    }
    DatasetLayout layout = LAYOUTS.get(d.kind().toLowerCase(Locale.ROOT));
    String list = training ? d.trainList() : d.valList();
    if (list == null || d.root() == null) {
      throw new ConfigException(config.source() + ": data." + (list == null ? (training ? "train_list" : "val_list") : "root")
          + " is required for data.kind '" + d.kind() + "'");
    }
    config.classNames(); // checks data.label_map against the model
    List<VideoRecord> records = ListFileParser.parse(Path.of(list), layout.format(), m.numClasses());
    if (training) {
      records = ListFileParser.withAtLeast(records, 3);
    }
    FrameTemplate template = d.frameTemplate() != null ? new FrameTemplate(d.frameTemplate()) : layout.template();
    VideoOpener opener = VideoOpener.of(layout.format(), Path.of(d.root()), template);
    return VideoDataset.official(records, opener, sampling, d.inputSize(), d.flip() && layout.flip());
  }
}
