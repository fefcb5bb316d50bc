package dev.adafocus.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.adafocus.exit.ExitCalibrationRun;
import dev.adafocus.exit.OperatingPoint;
import dev.adafocus.exit.Score;
import dev.adafocus.exit.SelectionMetric;
import dev.adafocus.exit.StepCosts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adafocus exit calibrate}: the accuracy/GFLOPs curve of conditional exit and, for a budget, its thresholds. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
        "Fits exit thresholds on training-set per-step logits for q = 0.5 .. 3.9 (exit proportions ∝ q^k), measures"
            + " each on validation logits and writes OUT/curve.csv (q, gflops, top1, map) and OUT/curve.png.",
        "With --budget-gflops, saves the best point within the budget to OUT/thresholds.json."})
public final class ExitCalibrateCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--train-logits", required = true, paramLabel = "FILE",
      description = "Training-set logits dump (safetensors: logits [N,T,C], labels [N,S]); thresholds are fitted on it.")
  Path trainLogits;

  @Option(names = "--val-logits", required = true, paramLabel = "FILE",
      description = "Validation-set logits dump; the curve is measured on it.")
  Path valLogits;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Costs costs;

  /** The three ways of giving the per-step cost table. */
  static final class Costs {
    @Option(names = "--flops-per-step", paramLabel = "G1,G2,...",
        description = "GFLOPs spent by a video that stops after step k, k = 1..T (cumulative, comma-separated).")
    String list;

    @Option(names = "--step-costs", paramLabel = "FILE",
        description = "The same table as a text file, one value per line.")
    Path file;

    @Option(names = "--gflops-per-frame", paramLabel = "G",
        description = "Linear costs: k × G after step k (AdaFocusV2, e.g. 1.684842018 for MobileNetV2 glance, P = 128).")
    Double perFrame;
  }

  @Option(names = "--metric", defaultValue = "top1", paramLabel = "top1|map",
      description = "Accuracy used to choose within the budget and on the plot (default: ${DEFAULT-VALUE}).")
  String metric;

  @Option(names = "--budget-gflops", paramLabel = "X",
      description = "Choose the most accurate point with expected GFLOPs per video <= X and save its thresholds.")
  Double budgetGflops;

  @Option(names = "--train-subset", paramLabel = "N",
      description = "Fit on N random training videos only (the official recipe uses 20000 for Mini-Kinetics).")
  Integer trainSubset;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of --train-subset (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--json", description = "Print a JSON summary as the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SelectionMetric selection;
    IntFunction<StepCosts> stepCosts;
    try {
      selection = SelectionMetric.fromKey(metric);
      if (costs.perFrame != null) {
        double perFrame = costs.perFrame;
        StepCosts.linear(perFrame, 1); // rejects a negative or non-finite value before any file is read
        stepCosts = steps -> StepCosts.linear(perFrame, steps);
      } else {
        StepCosts table = costs.list != null ? StepCosts.parse(costs.list) : StepCosts.read(costs.file);
        stepCosts = steps -> table;
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    if (trainSubset != null && trainSubset < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--train-subset must be at least 1");
    }
    ExitCalibrationRun.Result r = ExitCalibrationRun.run(new ExitCalibrationRun.Request(trainLogits, valLogits,
        stepCosts, selection, budgetGflops, trainSubset, seed, out));
    print(spec.commandLine().getOut(), r, selection);
    return 0;
  }

  private void print(PrintWriter o, ExitCalibrationRun.Result r, SelectionMetric selection) {
    o.printf("conditional exit: thresholds fitted on %d training videos, measured on %d validation videos%n",
        r.trainVideos(), r.valVideos());
    o.printf("%8s %10s %9s %9s%n", "q", "GFLOPs", "top-1 %", "mAP %");
    for (OperatingPoint p : r.curve().points()) {
      o.printf("%8.1f %10.3f %9.2f %9.2f%n", p.q(), p.score().gflops(), p.score().top1(), p.score().map());
    }
    Score s = r.curve().staticModel();
    o.printf("%8s %10.3f %9.2f %9.2f%n", "static", s.gflops(), s.top1(), s.map());
    if (r.chosen() != null) {
      Score c = r.chosen().score();
      o.printf("best %s within %s GFLOPs: q = %.1f, %.3f GFLOPs, top-1 %.2f %%, mAP %.2f %% -> %s%n", selection.key(),
          budgetGflops, r.chosen().q(), c.gflops(), c.top1(), c.map(), r.thresholdsFile());
    }
    o.printf("wrote %s and %s%n", r.curveCsv(), r.curvePng());
    if (json) {
      o.println(new Gson().toJson(summary(r, selection)));
    }
  }

  private static JsonObject summary(ExitCalibrationRun.Result r, SelectionMetric selection) {
    JsonObject j = new JsonObject();
    j.addProperty("train_videos", r.trainVideos());
    j.addProperty("val_videos", r.valVideos());
    j.addProperty("metric", selection.key());
    j.add("static", score(r.curve().staticModel()));
    JsonArray points = new JsonArray();
    for (OperatingPoint p : r.curve().points()) {
      JsonObject o = score(p.score());
      o.addProperty("q", p.q());
      points.add(o);
    }
    j.add("points", points);
    if (r.chosen() != null) {
      JsonObject c = score(r.chosen().score());
      c.addProperty("q", r.chosen().q());
      c.addProperty("thresholds_file", r.thresholdsFile().toString());
      j.add("chosen", c);
    }
    j.addProperty("curve_csv", r.curveCsv().toString());
    j.addProperty("curve_png", r.curvePng().toString());
    return j;
  }

  private static JsonObject score(Score s) {
    JsonObject o = new JsonObject();
    o.addProperty("gflops", s.gflops());
    o.addProperty("top1", s.top1());
    o.addProperty("map", s.map());
    return o;
  }
}
