package dev.adafocus.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.adafocus.AdaFocusException;
import dev.adafocus.DataFormatException;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.data.LabelMap;
import dev.adafocus.recipe.BenchmarkDemo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code adafocus demo}: the built-in demo, or inference on one video with pictures of where the model looked. */
@Command(name = "demo", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Train and evaluate a small AdaFocusV2 on the built-in benchmark, or run a model on one video.",
        "%nWithout arguments: trains a CPU-sized AdaFocusV2 on the built-in benchmark (no download), evaluates "
            + "it with its learned policy, with random patches, with centre patches and with the glance alone, prints "
            + "top-1 and GFLOPs per video, and draws where it looked on a validation clip (GIF + contact sheet).",
        "%nWith CONFIG CHECKPOINT VIDEO [LABEL_MAP]: runs the model on one video file or frame folder, prints the "
            + "top-5 classes, the GFLOPs spent and the exit step (with --thresholds), and writes the annotated "
            + "animation."},
    footer = {"%nExamples:", "  adafocus demo", "  adafocus demo --json",
        "  adafocus demo configs/adafocusv2_mbv2-r50-p128_16x1x1-50e_actnet.yaml actnet_p128_mbv2.pth.tar video.mp4"
            + " classInd.txt --out-filename out.gif"})
public final class DemoCommand implements Callable<Integer> {
  @picocli.CommandLine.Parameters(arity = "0..4", paramLabel = "CONFIG CHECKPOINT VIDEO [LABEL_MAP]",
      description = "Single-video mode: config, checkpoint, video file or frame folder, optional label map (default: "
          + "the config's data.label_map; without one, classes are shown by index).")
  List<Path> positional = new ArrayList<>();

  @Option(names = "--out-filename", paramLabel = "FILE", description = "Single-video mode: animation to write (.gif or .mp4).")
  Path outFilename = Path.of("demo_out.gif");

  @Option(names = "--thresholds", paramLabel = "FILE", description = "Single-video mode: conditional-exit thresholds (adafocus exit calibrate --budget-gflops).")
  Path thresholds;

  @Option(names = "--optimise", description = "Single-video mode: run with the inference optimisations that adafocus"
      + " bench measures (BatchNorm folded, channels-last weights, fused activations); scores equal the plain model's"
      + " up to float rounding.")
  boolean optimise;

  @picocli.CommandLine.Mixin
  PrecisionOption precision;

  /** The built-in demo config, shipped inside the jar. */
  static final String DEMO_CONFIG = "adafocusv2_demo_synthetic.yaml";

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Folder for the runs (default work_dirs/adafocusv2_demo_synthetic).")
  Path workDir;

  @Option(names = "--config", paramLabel = "FILE", description = "Use this config instead of the built-in one.")
  Path config;

  @Mixin
  ConfigOptions options;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!positional.isEmpty()) {
      if (positional.size() < 3) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "single-video mode needs CONFIG CHECKPOINT VIDEO [LABEL_MAP]; without arguments the built-in demo runs");
      }
      return singleVideo(out);
    }
    List<String> singleVideoOnly = Stream.of("--optimise", "--precision", "--thresholds",
        "--out-filename").filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
    if (!singleVideoOnly.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.join(", ", singleVideoOnly)
          + (singleVideoOnly.size() == 1 ? " applies" : " apply") + " only to single-video mode (demo CONFIG "
          + "CHECKPOINT VIDEO), not to the built-in demo, which trains its own model");
    }
    Path file = config != null ? config : builtInConfig();
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("work_dir", workDir != null ? workDir.toString()
        : config == null ? Path.of("work_dirs", DEMO_CONFIG.replace(".yaml", "")).toString() : null);
    ExperimentConfig c = options.load(file, flags);
    if (!"synthetic".equals(c.data().kind())) {
      throw new AdaFocusException(file + ": the demo trains on the built-in benchmark (data.kind: synthetic)");
    }
    long start = System.nanoTime();
    BenchmarkDemo.Result r = BenchmarkDemo.run(c, out);
    double minutes = (System.nanoTime() - start) / 60e9;
    out.println();
    out.println("Built-in benchmark, validation clips: " + c.data().synthetic().valClips());
    out.printf(Locale.ROOT, "%-30s %8s %14s %11s%n", "variant (same trained model)", "top-1 %", "GFLOPs/video",
        "on target");
    for (BenchmarkDemo.Row row : r.rows()) {
      String onTarget = Double.isNaN(row.onTargetPercent()) ? "-" : String.format(Locale.ROOT, "%.1f %%", row.onTargetPercent());
      out.printf(Locale.ROOT, "%-30s %8.1f %14.4f %11s%n", row.name(), row.top1(), row.gflopsPerVideo(), onTarget);
    }
    out.println("on target: share of processed frames whose patch holds the digit's centre");
    out.printf(Locale.ROOT, "run folder: %s (%.1f min)%n", r.runDir(), minutes);
    out.println("where it looked: " + r.animation() + " and " + r.contactSheet());
    if (options.json) {
      JsonObject o = new JsonObject();
      JsonArray rows = new JsonArray();
      for (BenchmarkDemo.Row row : r.rows()) {
        JsonObject j = new JsonObject();
        j.addProperty("variant", row.name());
        j.addProperty("top1", row.top1());
        j.addProperty("gflops_per_video", row.gflopsPerVideo());
        if (!Double.isNaN(row.onTargetPercent())) {
          j.addProperty("on_target_percent", row.onTargetPercent());
        }
        rows.add(j);
      }
      o.add("results", rows);
      o.addProperty("run_dir", r.runDir().toString());
      o.addProperty("animation", r.animation().toString());
      o.addProperty("minutes", minutes);
      out.println(o);
    }
    out.flush();
    return 0;
  }

  /** Class names from the LABEL_MAP argument, which must name exactly {@code model.num_classes} classes. */
  private static List<String> labelMapNames(Path file, ExperimentConfig c) {
    List<String> names = LabelMap.read(file).names();
    if (names.size() != c.model().numClasses()) {
      throw new DataFormatException(file, 0, "the label map (LABEL_MAP) names " + names.size() + " classes but the "
          + "model has " + c.model().numClasses() + " (model.num_classes in " + c.source() + ")");
    }
    return names;
  }

  /**
   * Class names from the config's {@code data.label_map}; when that file is absent (a released config without its
   * dataset), a warning and label indices, since the names only label the pictures.
   */
  private List<String> configuredNames(ExperimentConfig c) {
    String file = c.data().labelMap();
    if (file != null && !Files.isRegularFile(Path.of(file))) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("warning: " + file + " (data.label_map in " + c.source() + ") not found; classes are shown by index "
          + "(give LABEL_MAP to name them)");
      err.flush();
      return null;
    }
    return c.classNames();
  }

  private int singleVideo(PrintWriter out) throws IOException {
    ExperimentConfig c = options.load(positional.get(0), new LinkedHashMap<>());
    List<String> names = positional.size() > 3 ? labelMapNames(positional.get(3), c) : configuredNames(c);
    dev.adafocus.exit.ExitPolicy exit = null;
    if (thresholds != null) {
      dev.adafocus.exit.ExitThresholds t = dev.adafocus.exit.ExitThresholds.read(thresholds);
      t.requireSteps(c.adaFocusConfig().frames(), thresholds, c.source());
      exit = t.policy();
    }
    var model = dev.adafocus.recipe.AdaFocusExperimentFactory.buildModel(c.forEvaluation());
    try {
      dev.adafocus.train.TestRun.warnIfTrainedOtherwise(c, positional.get(1), spec.commandLine().getErr());
      dev.adafocus.train.TestRun.loadWeights(model, positional.get(1));
      new dev.adafocus.train.TestRun.Inference(optimise, precision.get(spec.commandLine().getErr())).prepare(model);
      var r = dev.adafocus.recipe.SingleVideoDemo.run(c, model, positional.get(2), names, exit, outFilename);
      out.println(positional.get(2) + ":");
      for (var s : r.top5()) {
        out.printf(Locale.ROOT, "  %-40s %.4f%n", s.name(), s.score());
      }
      out.printf(Locale.ROOT, "frames processed: %d of %d%s, GFLOPs: %.4f%n", r.stepsProcessed(), r.steps(),
          exit != null && r.stepsProcessed() < r.steps() ? " (exited early)" : "", r.gflops());
      out.println("where it looked: " + r.pictures().animation().file() + " and " + r.pictures().contactSheet());
      if (options.json) {
        JsonObject o = new JsonObject();
        JsonArray top = new JsonArray();
        for (var s : r.top5()) {
          JsonObject j = new JsonObject();
          j.addProperty("class", s.name());
          j.addProperty("score", s.score());
          top.add(j);
        }
        o.add("top5", top);
        o.addProperty("frames_processed", r.stepsProcessed());
        o.addProperty("exit_step", r.stepsProcessed());
        o.addProperty("gflops", r.gflops());
        o.addProperty("animation", r.pictures().animation().file().toString());
        out.println(o);
      }
      out.flush();
      return 0;
    } finally {
      model.close();
    }
  }

  /** Copies the jar's demo config to a temporary file of the same name (the config name names the run folder). */
  static Path builtInConfig() throws IOException {
    Path dir = Files.createTempDirectory("adafocus-demo");
    Path file = dir.resolve(DEMO_CONFIG);
    try (InputStream in = BenchmarkDemo.class.getResourceAsStream(DEMO_CONFIG)) {
      if (in == null) {
        throw new IllegalStateException("the built-in demo config " + DEMO_CONFIG + " is missing from the jar");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    file.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    return file;
  }
}
