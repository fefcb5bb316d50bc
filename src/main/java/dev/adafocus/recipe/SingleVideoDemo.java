package dev.adafocus.recipe;

import dev.adafocus.AdaFocusException;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.data.Batch;
import dev.adafocus.data.ClipSampling;
import dev.adafocus.data.FrameFolderSource;
import dev.adafocus.data.FrameSampler;
import dev.adafocus.data.FrameTemplate;
import dev.adafocus.data.VideoDataset;
import dev.adafocus.data.VideoFileSource;
import dev.adafocus.data.VideoRecord;
import dev.adafocus.data.VideoSource;
import dev.adafocus.data.transforms.Normalize;
import dev.adafocus.data.transforms.Resize;
import dev.adafocus.data.transforms.StandardTransforms;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.exit.ExitPolicy;
import dev.adafocus.flops.ModelFlops;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.adafocus.StepwiseInference;
import dev.adafocus.viz.ClassScore;
import dev.adafocus.viz.FocusPictures;
import dev.adafocus.viz.InputMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inference on one video file or frame folder: top-5 classes, GFLOPs spent, the exit step under conditional-exit
 * thresholds, and the pictures of where the model looked.
 */
public final class SingleVideoDemo {
  private SingleVideoDemo() {}

  /** What one video gave. */
  public record Result(List<ClassScore> top5, int stepsProcessed, int steps, double gflops, FocusPictures.Written pictures) {}

  /**
   * @param classNames class names by index (from a label map checked against {@code model.num_classes}), or null for
   *     numbers
   * @param exitPolicy conditional-exit thresholds, or null to process every frame
   */
  public static Result run(ExperimentConfig config, AdaFocusV2 model, Path video, List<String> classNames,
      ExitPolicy exitPolicy, Path animation) {
    int frames = model.config().frames();
    int side = model.config().inputSize();
    boolean synthetic = ExperimentData.SYNTHETIC.equals(config.data().kind());
    List<String> names = classNames != null ? classNames
        : java.util.stream.IntStream.range(0, model.config().numClasses()).mapToObj(Integer::toString).toList();
    if (names.size() != model.config().numClasses()) {
      throw new IllegalArgumentException(names.size() + " class names for a model of " + model.config().numClasses()
          + " classes");
    }
    ExitPolicy policy = exitPolicy != null ? exitPolicy : processEveryFrame(frames);
    try (VideoSource source = open(config, video)) {
      VideoRecord record = new VideoRecord(video.toString(), source.frameCount(), new int[] {0}, video, 0);
      VideoDataset ds = new VideoDataset(List.of(record), r -> reopen(config, video), ClipSampling.single(frames, false,
          config.model().sample()), synthetic ? new Resize(side, side) : StandardTransforms.evaluation(side),
          Normalize.IMAGENET);
      int[] indices = FrameSampler.indices(source.frameCount(), frames, false, new SplittableRandom(0));
      if (config.model().sample()) {
        indices = FrameSampler.permute(indices, FrameSampler.coarseToFineOrder(frames));
      }
      model.train(false);
      StepwiseInference.Result r;
      try (NativeScope s = NativeScope.open(); Batch b = Batch.of(List.of(ds.load(0, new SplittableRandom(0))))) {
        r = new StepwiseInference(model).run(b.frames(), policy);
      }
      int processed = r.outcome().exitSteps()[0] + 1;
      double[][] scores = new double[processed][];
      for (int t = 0; t < processed; t++) {
        scores[t] = FocusTraces.scores(r.stepLogits()[0][t]);
      }
      InputMapping mapping = synthetic ? InputMapping.resize(source.width(), source.height(), side)
          : InputMapping.resizeShorterThenCenterCrop(source.width(), source.height(), config.data().scaleSize(), side);
      var trace = FocusTraces.of(source, indices, r.actions()[0], scores, names, side, model.config().patchSize(), mapping);
      FocusPictures.Written pictures = FocusPictures.write(trace, animation, video.getFileName() + ": AdaFocusV2, "
          + processed + " of " + frames + " frames", FocusPictures.DEFAULT_FRAME_DELAY_MS);
      double gflops = ModelFlops.measure(model.config()).gflopsAfterSteps(processed);
      return new Result(ClassScore.topK(scores[processed - 1], names, Math.min(5, names.size())), processed, frames,
          gflops, pictures);
    }
  }

  private static ExitPolicy processEveryFrame(int frames) {
    double[] t = new double[frames];
    java.util.Arrays.fill(t, ExitPolicy.UNREACHABLE);
    t[frames - 1] = ExitPolicy.ACCEPT_ALL;
    return new ExitPolicy(t);
  }

  private static VideoSource reopen(ExperimentConfig config, Path video) {
    return open(config, video);
  }

  /** A video file, or a folder of frames named by the config's frame template. */
  static VideoSource open(ExperimentConfig config, Path video) {
    if (!Files.exists(video)) {
      throw new AdaFocusException(video + ": no such video file or frame folder");
    }
    if (!Files.isDirectory(video)) {
      return new VideoFileSource(video);
    }
    FrameTemplate template = new FrameTemplate(config.data().frameTemplate() != null ? config.data().frameTemplate()
        : "img_%05d.jpg");
    int n = FrameFolderSource.countFrames(video, template);
    if (n == 0) {
      throw new AdaFocusException(video + ": no frames named like " + template.pattern() + " (set data.frame_template)");
    }
    return new FrameFolderSource(video, template, n, video, 0);
  }
}
