package dev.adafocus.cli;

import dev.adafocus.bench.BenchPlan;
import dev.adafocus.bench.BenchReport;
import dev.adafocus.bench.Benchmark;
import dev.adafocus.engine.Engine;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code adafocus bench}: latency, throughput and training-step time of AdaFocusV2 against full-frame baselines. */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Time AdaFocusV2 at several patch sizes against the full-frame baselines (the focus backbone and the "
        + "glance backbone on all T whole frames), interleaved in one run: ms/video at batch 1, videos/s at larger "
        + "batches, GFLOPs/video, the speed-up over the focus-backbone baseline and that speed-up divided by the FLOPs "
        + "ratio. Then a training step (forward + backward + update) and resident memory over repeated iterations.",
        "Weights are random: speed does not depend on them. The oneDNN ISA is read from ONEDNN_MAX_CPU_ISA and the OpenBLAS thread count from OPENBLAS_NUM_THREADS (or "
        + "OMP_NUM_THREADS) when the process starts: set them in the environment."},
    footer = {"%nExamples:", "  adafocus bench --repeats 3 --warmup 1 --threads 2",
        "  adafocus bench --frames 8 --input-size 112 --glance-width 0.5 --focus-width 0.5 --patch-sizes 48,64,80 --json"})
public final class BenchCommand implements Callable<Integer> {
  @Mixin
  ModelOptions model;

  @Option(names = "--patch-sizes", split = ",", description = "Patch sides of the AdaFocusV2 variants "
      + "(default: --patch-size if given, else 96,128,160 scaled by input-size/224 to multiples of 8).")
  List<Integer> patchSizes;

  @Option(names = "--batch-sizes", split = ",", description = "Batch sizes (1 = latency, larger = throughput).")
  List<Integer> batchSizes = List.of(1, 8);

  @Option(names = "--threads", description = "libtorch intra-op threads (0 = libtorch's default).")
  int threads = 0;

  @Option(names = "--warmup", description = "Untimed calls per model and batch size.")
  int warmup = 1;

  @Option(names = "--repeats", description = "Timed calls per model and batch size.")
  int repeats = 5;

  @Option(names = "--ablation", description = "Also time the focus baseline without the inference optimisations and "
      + "without the activation fusion or the batch chunking alone, and AdaFocusV2 (first patch size) without them and "
      + "with each one turned off alone (BatchNorm folding, channels-last weights, InferenceMode, activation fusion, "
      + "batch chunking).")
  boolean ablation;

  @Option(names = "--stages", description = "Also time each stage of every AdaFocusV2 variant alone (glance, policy, "
      + "crop, focus, classifier) on the outputs of the stages before it: where the time goes, each stage's FLOP rate "
      + "against the reference's, and the speed-up / FLOPs ratio the model would reach if that stage ran at the "
      + "reference's rate.")
  boolean stages;

  @Option(names = "--train-batch", description = "Videos per timed training step (0 = skip).")
  int trainBatch = 2;

  @Option(names = "--train-steps", description = "Timed training steps (after one warm-up step).")
  int trainSteps = 3;

  @Option(names = "--memory-iterations", description = "Batch-1 inference iterations for the memory trace (0 = skip).")
  int memoryIterations = 20;

  @Mixin
  PrecisionOption precision;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<Integer> patches = patchSizes();
    model.patchSize = patches.get(0);
    AdaFocusConfig config = model.resolve(spec.commandLine());
    Engine.setThreads(threads);
    BenchPlan plan;
    try {
      plan = new BenchPlan(config, patches, batchSizes, warmup, repeats, ablation, trainBatch, trainSteps,
          memoryIterations, precision.get(spec.commandLine().getErr()), stages);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    BenchReport report = Benchmark.run(plan, line -> {
      out.println("bench: " + line);
      out.flush();
    });
    report.print(out);
    if (json) {
      out.println(report.toJson());
    }
    out.flush();
    return 0;
  }

  private List<Integer> patchSizes() {
    if (patchSizes != null && !patchSizes.isEmpty()) {
      return patchSizes;
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--patch-size")) {
      return List.of(model.patchSize);
    }
    List<Integer> out = new ArrayList<>();
    for (int p : new int[] {96, 128, 160}) {
      int scaled = Math.max(8, (int) Math.round(p * model.inputSize / 224.0 / 8) * 8);
      if (!out.contains(scaled)) {
        out.add(scaled);
      }
    }
    return out;
  }
}
