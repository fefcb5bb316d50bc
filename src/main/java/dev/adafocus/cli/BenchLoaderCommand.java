package dev.adafocus.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.adafocus.data.BadVideoPolicy;
import dev.adafocus.data.ClipSampling;
import dev.adafocus.data.FrameTemplate;
import dev.adafocus.data.ListFileParser;
import dev.adafocus.data.ListFormat;
import dev.adafocus.data.LoaderBenchmark;
import dev.adafocus.data.LoaderOptions;
import dev.adafocus.data.LoaderStats;
import dev.adafocus.data.SkippedVideo;
import dev.adafocus.data.VideoDataset;
import dev.adafocus.data.VideoOpener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adafocus data bench-loader}: loader throughput on frame folders and on video files. */
@Command(
    name = "bench-loader",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = "Measure data-loader throughput (clips/s and data_time). With --list it measures that dataset; "
        + "without, it writes a small clip set as JPEG folders and as MP4 files and measures both.",
    footer = {"%nExamples:",
        "  adafocus data bench-loader",
        "  adafocus data bench-loader --list mini_train.txt --root frames/ --format SPACE --workers 4"})
final class BenchLoaderCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--list", paramLabel = "<file>", description = "List file of the dataset to measure.")
  Path list;

  @Option(names = "--root", paramLabel = "<dir>", description = "Root of the list's paths (default: the list's folder).")
  Path root;

  @Option(names = "--format", defaultValue = "SPACE", description = "List format: COMMA, SPACE or VIDEO (video files).")
  ListFormat format;

  @Option(names = "--template", defaultValue = "img_%05d.jpg", paramLabel = "<pattern>",
      converter = FrameTemplateConverter.class,
      description = "Frame file names in frame folders.")
  FrameTemplate template;

  @Option(names = "--frames", defaultValue = "16", description = "Frames per clip.")
  int frames;

  @Option(names = "--input-size", defaultValue = "224", description = "Clip side after the transforms.")
  int inputSize;

  @Option(names = "--batch-size", defaultValue = "4", description = "Clips per batch.")
  int batchSize;

  @Option(names = "--workers", defaultValue = "2", description = "Loader threads.")
  int workers;

  @Option(names = "--batches", defaultValue = "0", description = "Batches to measure (0: one epoch).")
  int batches;

  @Option(names = "--train", description = "Training sampling and augmentation (default: evaluation).")
  boolean train;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the random choices.")
  long seed;

  @Option(names = "--sample-videos", defaultValue = "8", description = "Videos in the generated clip set.")
  int sampleVideos;

  @Option(names = "--sample-frames", defaultValue = "64", description = "Frames per generated video.")
  int sampleFrames;

  @Option(names = "--skip-bad", description = "Leave unreadable videos out and list them at the end.")
  boolean skipBad;

  @Option(names = "--json", description = "Print the results as JSON on the last line.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, LoaderStats> results = new LinkedHashMap<>();
    if (list != null) {
      Path r = root != null ? root : list.toAbsolutePath().getParent();
      results.put(format == ListFormat.VIDEO ? "video files" : "frame folders", measure(list, r, format));
    } else {
      Path dir = Files.createTempDirectory("adafocus-bench-loader");
      out.printf("writing %d clips of %d frames (340x256) to %s ...%n", sampleVideos, sampleFrames, dir);
      out.flush();
      try (LoaderBenchmark.SampleClips clips = LoaderBenchmark.writeSampleClips(dir, sampleVideos, sampleFrames, 340,
          256)) {
        results.put("frame folders", measure(clips.frameList(), clips.frameRoot(), ListFormat.SPACE));
        results.put("video files", measure(clips.videoList(), clips.videoRoot(), ListFormat.VIDEO));
      }
    }
    JsonArray array = new JsonArray();
    results.forEach((name, s) -> {
      out.printf("%-14s %8.1f clips/s  data_time %.4f s/batch  (%d clips, %d batches, %d workers, %d frames, %s)%n",
          name + ":", s.clipsPerSecond(), s.dataTimePerBatch(), s.clips(), s.batches(), workers, frames,
          train ? "train" : "eval");
      JsonObject o = new JsonObject();
      o.addProperty("source", name);
      o.addProperty("clips_per_s", s.clipsPerSecond());
      o.addProperty("data_time_s", s.dataTimePerBatch());
      o.addProperty("clips", s.clips());
      o.addProperty("batches", s.batches());
      array.add(o);
    });
    if (json) {
      JsonObject o = new JsonObject();
      o.add("results", array);
      o.addProperty("workers", workers);
      o.addProperty("batch_size", batchSize);
      o.addProperty("frames", frames);
      out.println(o);
    }
    return 0;
  }

  private LoaderStats measure(Path listFile, Path dataRoot, ListFormat fmt) {
    VideoDataset ds = VideoDataset.official(ListFileParser.parse(listFile, fmt, 0),
        VideoOpener.of(fmt, dataRoot, template), ClipSampling.single(frames, train, true),
        inputSize, true);
    LoaderOptions options = (train ? LoaderOptions.training(batchSize, workers, seed)
        : LoaderOptions.evaluation(batchSize, workers)).withBadVideos(skipBad ? BadVideoPolicy.SKIP : BadVideoPolicy.FAIL);
    LoaderBenchmark.Result r = LoaderBenchmark.run(ds, options, batches);
    if (!r.skipped().isEmpty()) {
      spec.commandLine().getOut().println(SkippedVideo.summary(r.skipped()));
    }
    return r.stats();
  }
}
