package dev.adafocus.cli;

import com.google.gson.GsonBuilder;
import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.data.synthetic.BenchmarkProbe;
import dev.adafocus.data.synthetic.BenchmarkWriter;
import dev.adafocus.data.synthetic.BenchmarkWriter.ImageFormat;
import dev.adafocus.data.synthetic.BenchmarkWriter.Output;
import dev.adafocus.data.synthetic.ClipSheet;
import dev.adafocus.data.synthetic.LabelRule;
import dev.adafocus.data.synthetic.Split;
import dev.adafocus.data.synthetic.SyntheticBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code make-benchmark}: writes the built-in benchmark as mp4 files and/or frame folders plus list files. */
@Command(
    name = "make-benchmark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    showDefaultValues = true,
    description = {
        "Writes the built-in benchmark (cluttered moving MNIST digits, deterministic from --seed) as H.264 mp4 "
            + "files and/or frame folders, with list files (train_videos.txt: 'path label'; train_frames.txt: "
            + "'path num_frames label'), classInd.txt, label_map.txt, ground-truth boxes and preview.png.",
        "With --probe-train it also measures crop coverage, linear-probe accuracy of glance, centre, random and "
            + "oracle views, and generation speed (see docs/benchmark.md)."},
    footer = {"%nExample:%n  adafocus data make-benchmark --out work/bench --train-clips 200 --val-clips 50 "
        + "--format videos%n"})
public final class MakeBenchmarkCommand implements Callable<Integer> {
  private static final SyntheticBenchmark DEFAULTS = SyntheticBenchmark.defaults();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = {"-o", "--out"}, paramLabel = "<dir>", description = "Output folder.")
  Path out = Path.of("adafocus-benchmark");

  @Option(names = "--format", split = ",", paramLabel = "<kind>",
      description = "What to write per clip: ${COMPLETION-CANDIDATES} (comma-separated).")
  List<Output> format = List.of(Output.VIDEOS, Output.FRAMES);

  @Option(names = "--image-format", paramLabel = "<ext>", description = "Frame image format: ${COMPLETION-CANDIDATES}.")
  ImageFormat imageFormat = ImageFormat.JPG;

  @Option(names = "--frame-size", paramLabel = "<px>", description = "Side of the square frames.")
  int frameSize = DEFAULTS.frameSize();

  @Option(names = "--frames", paramLabel = "<n>", description = "Frames per clip (T).")
  int frames = DEFAULTS.frames();

  @Option(names = "--object-size", paramLabel = "<px>", description = "Side of the digit's 28-px canvas, scaled.")
  int objectSize = DEFAULTS.objectSize();

  @Option(names = "--min-speed", paramLabel = "<px>", description = "Smallest object speed, pixels per frame.")
  double minSpeed = DEFAULTS.minSpeed();

  @Option(names = "--max-speed", paramLabel = "<px>", description = "Largest object speed, pixels per frame.")
  double maxSpeed = DEFAULTS.maxSpeed();

  @Option(names = "--clutter", paramLabel = "<n>", description = "Clutter fragments per clip.")
  int clutter = DEFAULTS.clutter();

  @Option(names = "--clutter-size", paramLabel = "<px>", description = "Side of each clutter fragment.")
  int clutterSize = DEFAULTS.clutterSize();

  @Option(names = "--noise", paramLabel = "<sigma>", description = "Pixel noise standard deviation (0..1).")
  double noise = DEFAULTS.noise();

  @Option(names = "--no-colour-cue", negatable = true,
      description = "Draw the target digit in red among grey clutter (--no-colour-cue: grey like the clutter).")
  boolean colourCue = true;

  @Option(names = "--classes", paramLabel = "<n>", description = "Number of classes (digits 0..n-1, at most 10).")
  int classes = DEFAULTS.numClasses();

  @Option(names = "--label", paramLabel = "<rule>",
      description = "What the class is: digit (the target's digit) or direction (its direction of motion).")
  LabelRule label = DEFAULTS.label();

  @Option(names = "--train-clips", paramLabel = "<n>", description = "Number of train clips.")
  int trainClips = DEFAULTS.trainClips();

  @Option(names = "--val-clips", paramLabel = "<n>", description = "Number of val clips.")
  int valClips = DEFAULTS.valClips();

  @Option(names = "--seed", paramLabel = "<n>", description = "Seed; the same seed gives the same clips.")
  long seed = DEFAULTS.seed();

  @Option(names = "--patch", paramLabel = "<px>", description = "Patch size for preview.png and the probe.")
  int patch = 32;

  @Option(names = "--glance-factor", paramLabel = "<n>", description = "How much the glance shrinks frames.")
  int glanceFactor = 4;

  @Option(names = "--probe-train", paramLabel = "<n>", description = "Train clips for the probe (0: no probe).")
  int probeTrain = 0;

  @Option(names = "--probe-val", paramLabel = "<n>", description = "Val clips for the probe (default: all).")
  Integer probeVal;

  @Option(names = "--probe-only", description = "Only measure (with --probe-train); write no files.")
  boolean probeOnly;

  @Option(names = "--json", description = "Print a JSON summary as the last line of standard output.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (probeOnly && probeTrain == 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--probe-only needs --probe-train <n> (n > 0)");
    }
    SyntheticBenchmark config = new SyntheticBenchmark(frameSize, frames, objectSize, minSpeed, maxSpeed, clutter,
        clutterSize, noise, colourCue, classes, trainClips, valClips, seed, label);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("config", config);
    if (!probeOnly) {
      long start = System.nanoTime();
      ClipSheet.write(out.resolve("preview.png"), new BenchmarkGenerator(config).clip(Split.TRAIN, 0), patch,
          glanceFactor);
      BenchmarkWriter.Summary written = new BenchmarkWriter(config, EnumSet.copyOf(format), imageFormat,
          line -> { stderr.println(line); stderr.flush(); }).write(out);
      summary.put("out", out.toString());
      summary.put("lists", written.listFiles().stream().map(Path::toString).toList());
      summary.put("video_codec", written.videoCodec());
      summary.put("seconds", (System.nanoTime() - start) / 1e9);
      stdout.println("wrote " + (trainClips + valClips) + " clips to " + out);
    }
    if (probeTrain > 0) {
      BenchmarkProbe.Report report = BenchmarkProbe.run(config, patch, glanceFactor, probeTrain,
          probeVal == null ? valClips : probeVal);
      summary.put("probe", report);
      summary.put("generated_clips_per_second", BenchmarkProbe.clipsPerSecond(config, Math.min(trainClips, 1000)));
      printProbe(stdout, report);
    }
    if (json) {
      stdout.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(summary));
    }
    stdout.flush();
    return 0;
  }

  /** The probe as a table: one row per view, coverage then the read-outs' val top-1 ("-": not a crop). */
  private static void printProbe(PrintWriter out, BenchmarkProbe.Report r) {
    out.printf("probe: %d px patch, glance shrunk %dx, %d train and %d val clips, %d classes (chance %s)%n", r.patch(),
        r.glanceFactor(), r.trainClips(), r.valClips(), r.classes(), percent(1.0 / r.classes()));
    String row = "  %-7s %13s %13s %17s %19s %15s %12s%n";
    out.printf(row, "view", "frames whole", "mean visible", "clips some whole", "clips some >= half", "centroid top-1",
        "ridge top-1");
    for (BenchmarkProbe.View v : BenchmarkProbe.View.values()) {
      BenchmarkProbe.Coverage c = r.coverage().get(v);
      BenchmarkProbe.Accuracy a = r.accuracy().get(v);
      out.printf(row, v.name().toLowerCase(Locale.ROOT), c == null ? "-" : percent(c.whole()),
          c == null ? "-" : percent(c.meanVisible()), c == null ? "-" : percent(c.clipWhole()),
          c == null ? "-" : percent(c.clipHalf()), percent(a.nearestCentroid()), percent(a.ridge()));
    }
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }
}
