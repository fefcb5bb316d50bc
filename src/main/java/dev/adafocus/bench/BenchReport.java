package dev.adafocus.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import java.io.PrintWriter;
import java.util.List;

/**
 * Results of a {@link Benchmark} run. Speed-ups are against the first model (the focus backbone on all whole frames,
 * the paper's ResNet-50 baseline at the official size), taken per interleaved repeat and then summarised, so that a
 * load change on the machine affects both sides of each ratio alike.
 *
 * @param inferenceMemory resident memory over batch-1 inference iterations of the first AdaFocusV2 variant, or null
 * @param training the training-step measurement, or null
 */
public record BenchReport(BenchPlan plan, BenchEnvironment environment, List<InferenceBench.SubjectTimings> timings,
    MemoryTrace inferenceMemory, TrainingStepBench.Result training) {

  /** The reference model's timings (the first model). */
  public InferenceBench.SubjectTimings reference() {
    return timings.get(0);
  }

  /** The whole models, in measurement order (the reference first). */
  public List<InferenceBench.SubjectTimings> models() {
    return timings.stream().filter(t -> t.subject().stageOf() == null).toList();
  }

  /** The stages of the model named {@code model}, in the order of its forward (empty unless the plan asked for them). */
  public List<InferenceBench.SubjectTimings> stagesOf(String model) {
    return timings.stream().filter(t -> model.equals(t.subject().stageOf())).toList();
  }

  /** Median ms per video of all {@code stages} together at {@code batch}. */
  static double stageSum(List<InferenceBench.SubjectTimings> stages, int batch) {
    return stages.stream().mapToDouble(t -> t.byBatch().get(batch).median() / batch).sum();
  }

  /**
   * The speed-up / FLOPs ratio of {@code model} computed from its stages' median times at {@code batch}, with stage
   * {@code atReferenceRate} (or none, when null) replaced by the time it would take at the reference's FLOP rate.
   */
  public double stageRatio(InferenceBench.SubjectTimings model, int batch, InferenceBench.SubjectTimings atReferenceRate) {
    List<InferenceBench.SubjectTimings> stages = stagesOf(model.subject().name());
    double refMs = reference().byBatch().get(batch).median() / batch;
    double total = stageSum(stages, batch);
    if (atReferenceRate != null) {
      total += atReferenceRate.subject().gflopsPerVideo() * refMs / reference().subject().gflopsPerVideo()
          - atReferenceRate.byBatch().get(batch).median() / batch;
    }
    return refMs / total / flopsRatio(model);
  }

  /** Per-repeat speed-up of {@code s} over the reference at batch size {@code batch}: reference time / own time. */
  public Samples speedup(InferenceBench.SubjectTimings s, int batch) {
    double[] ref = reference().byBatch().get(batch).values();
    double[] own = s.byBatch().get(batch).values();
    double[] ratio = new double[own.length];
    for (int r = 0; r < own.length; r++) {
      ratio[r] = ref[r] / own[r];
    }
    return new Samples(ratio);
  }

  /** How many times fewer FLOPs than the reference {@code s} needs. */
  public double flopsRatio(InferenceBench.SubjectTimings s) {
    return reference().subject().gflopsPerVideo() / s.subject().gflopsPerVideo();
  }

  /** Prints the human-readable tables. */
  public void print(PrintWriter out) {
    AdaFocusConfig c = plan.model();
    BenchEnvironment e = environment;
    out.printf("machine: %s, %d cores visible, %d libtorch threads, OpenBLAS threads: %s, ONEDNN_MAX_CPU_ISA=%s, "
        + "bfloat16 in hardware: %s%n", e.cpu(), e.cores(), e.threads(), e.blasThreads(), e.onednnIsa(),
        e.bfloat16InHardware() ? "yes" : "no");
    out.printf("videos: T=%d frames of %dx%d, %d classes; %d warm-up + %d timed calls per model and batch, interleaved; "
        + "inference: BatchNorm folded, NHWC weights, InferenceMode unless marked [...]; CNN backbones in %s%n", c.frames(),
        c.inputSize(), c.inputSize(), c.numClasses(), plan.warmup(), plan.repeats(), plan.precision().label());
    out.printf("%-68s %9s %5s %10s %21s %9s %8s %17s %9s%n", "model", "GFLOPs/v", "batch", "ms/video", "ms/call [min, max]",
        "videos/s", "speed-up", "[min, max]", "/ FLOPs x");
    for (InferenceBench.SubjectTimings s : models()) {
      for (int batch : plan.batchSizes()) {
        Samples t = s.byBatch().get(batch);
        Samples up = speedup(s, batch);
        out.printf("%-68s %9.4g %5d %10.1f %21s %9.2f %8.2f %17s %9.2f%n", s.subject().name(), s.subject().gflopsPerVideo(), batch,
            t.median() / batch, String.format("%.0f [%.0f, %.0f]", t.median(), t.min(), t.max()), 1000.0 * batch / t.median(),
            up.median(), String.format("[%.2f, %.2f]", up.min(), up.max()), up.median() / flopsRatio(s));
      }
    }
    out.printf("(speed-up: %s time / model time, median of the per-repeat ratios; '/ FLOPs x': speed-up divided by the "
        + "FLOPs ratio, 1.0 = time saved in proportion to compute saved)%n", reference().subject().name());
    if (plan.stages()) {
      printStages(out);
    }
    if (inferenceMemory != null) {
      out.printf("inference memory: resident %s after iteration 1, %s after iteration %d; peak growth %.1f KiB/iteration%n",
          mib(inferenceMemory.first()), mib(inferenceMemory.last()), inferenceMemory.iterations(),
          inferenceMemory.peakGrowthPerIteration() / 1024);
    }
    if (training != null) {
      Samples t = training.stepMillis();
      out.printf("training step (batch %d, forward both branches + backward + SGD): median %.0f ms [%.0f, %.0f] over %d steps; "
          + "resident %s after step 1, %s after step %d; peak growth %.1f KiB/step%n", training.batch(), t.median(), t.min(),
          t.max(), t.values().length, mib(training.memory().first()), mib(training.memory().last()), training.memory().iterations(),
          training.memory().peakGrowthPerIteration() / 1024);
    }
  }

  private void printStages(PrintWriter out) {
    out.println("where the time goes: each stage timed alone on the outputs of the stages before it, interleaved with the "
        + "models above");
    for (InferenceBench.SubjectTimings m : models()) {
      List<InferenceBench.SubjectTimings> stages = stagesOf(m.subject().name());
      if (stages.isEmpty()) {
        continue;
      }
      out.println(m.subject().name());
      out.printf("  %-12s %9s %5s %10s %6s %9s %12s %28s%n", "stage", "GFLOPs/v", "batch", "ms/video", "share", "GFLOP/s",
          "rate vs ref", "model / FLOPs x at ref rate");
      for (int batch : plan.batchSizes()) {
        double sum = stageSum(stages, batch);
        for (InferenceBench.SubjectTimings s : stages) {
          double ms = s.byBatch().get(batch).median() / batch;
          double gflops = s.subject().gflopsPerVideo();
          out.printf("  %-12s %9.4g %5d %10.1f %5.0f%% %9s %12s %28.2f%n", s.subject().name(), gflops, batch, ms, 100 * ms / sum,
              gflops > 0 ? String.format("%.1f", gflops / ms * 1000) : "-",
              gflops > 0 ? String.format("%.2f", speedup(s, batch).median() / flopsRatio(s)) : "-", stageRatio(m, batch, s));
        }
        out.printf("  %-12s %9.4g %5d %10.1f %6s %9.1f %12s %28.2f%n", "all stages", m.subject().gflopsPerVideo(), batch, sum, "",
            m.subject().gflopsPerVideo() / sum * 1000, "", stageRatio(m, batch, null));
      }
    }
    out.println("(rate vs ref: a stage's FLOP rate over the reference's, median of the interleaved repeats; model / FLOPs x "
        + "at ref rate: the model's speed-up / FLOPs ratio computed from the stage times if that stage alone ran at the "
        + "reference's FLOP rate; on the 'all stages' line, computed from the stage times as they are)");
  }

  /** The whole report as one JSON object. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    JsonObject env = new JsonObject();
    env.addProperty("cpu", environment.cpu());
    env.addProperty("cores", environment.cores());
    env.addProperty("threads", environment.threads());
    env.addProperty("onednn_max_cpu_isa", environment.onednnIsa());
    env.addProperty("openblas_threads", environment.blasThreads());
    env.addProperty("bfloat16_in_hardware", environment.bfloat16InHardware());
    o.add("environment", env);
    AdaFocusConfig c = plan.model();
    JsonObject cfg = new JsonObject();
    cfg.addProperty("frames", c.frames());
    cfg.addProperty("input_size", c.inputSize());
    cfg.addProperty("num_classes", c.numClasses());
    cfg.addProperty("warmup", plan.warmup());
    cfg.addProperty("repeats", plan.repeats());
    cfg.addProperty("precision", plan.precision().label());
    o.add("config", cfg);
    o.addProperty("reference", reference().subject().name());
    JsonArray models = new JsonArray();
    for (InferenceBench.SubjectTimings s : models()) {
      JsonObject m = new JsonObject();
      m.addProperty("name", s.subject().name());
      m.addProperty("optimisation", s.subject().optimisation().label());
      m.addProperty("gflops_per_video", s.subject().gflopsPerVideo());
      m.addProperty("flops_ratio", flopsRatio(s));
      JsonArray batches = new JsonArray();
      for (int batch : plan.batchSizes()) {
        Samples t = s.byBatch().get(batch);
        Samples up = speedup(s, batch);
        JsonObject b = callTimesJson(t, batch);
        b.addProperty("videos_per_s", 1000.0 * batch / t.median());
        b.addProperty("speedup_median", up.median());
        b.addProperty("speedup_min", up.min());
        b.addProperty("speedup_max", up.max());
        b.addProperty("speedup_over_flops_ratio", up.median() / flopsRatio(s));
        batches.add(b);
      }
      m.add("batches", batches);
      models.add(m);
    }
    o.add("models", models);
    if (plan.stages()) {
      o.add("stages", stagesJson());
    }
    if (inferenceMemory != null) {
      o.add("inference_memory", memoryJson(inferenceMemory));
    }
    if (training != null) {
      JsonObject t = new JsonObject();
      t.addProperty("batch", training.batch());
      t.addProperty("step_ms_median", training.stepMillis().median());
      t.addProperty("step_ms_min", training.stepMillis().min());
      t.addProperty("step_ms_max", training.stepMillis().max());
      t.add("memory", memoryJson(training.memory()));
      o.add("training_step", t);
    }
    return o;
  }

  private JsonArray stagesJson() {
    JsonArray all = new JsonArray();
    for (InferenceBench.SubjectTimings m : models()) {
      for (InferenceBench.SubjectTimings s : stagesOf(m.subject().name())) {
        JsonObject j = new JsonObject();
        j.addProperty("model", m.subject().name());
        j.addProperty("stage", s.subject().name());
        j.addProperty("gflops_per_video", s.subject().gflopsPerVideo());
        JsonArray batches = new JsonArray();
        for (int batch : plan.batchSizes()) {
          Samples t = s.byBatch().get(batch);
          JsonObject b = callTimesJson(t, batch);
          b.addProperty("share_of_stage_sum", t.median() / batch / stageSum(stagesOf(m.subject().name()), batch));
          if (s.subject().gflopsPerVideo() > 0) {
            b.addProperty("rate_over_reference", speedup(s, batch).median() / flopsRatio(s));
          }
          b.addProperty("model_ratio_if_at_reference_rate", stageRatio(m, batch, s));
          b.addProperty("model_ratio_from_stages", stageRatio(m, batch, null));
          batches.add(b);
        }
        j.add("batches", batches);
        all.add(j);
      }
    }
    return all;
  }

  /** The batch size and the call times of one model or stage at that batch size. */
  private static JsonObject callTimesJson(Samples t, int batch) {
    JsonObject b = new JsonObject();
    b.addProperty("batch", batch);
    b.addProperty("ms_per_call_median", t.median());
    b.addProperty("ms_per_call_min", t.min());
    b.addProperty("ms_per_call_max", t.max());
    b.addProperty("ms_per_video", t.median() / batch);
    return b;
  }

  private static JsonObject memoryJson(MemoryTrace m) {
    JsonObject o = new JsonObject();
    o.addProperty("iterations", m.iterations());
    o.addProperty("resident_bytes_first", m.first());
    o.addProperty("resident_bytes_last", m.last());
    o.addProperty("peak_growth_bytes_per_iteration", m.peakGrowthPerIteration());
    JsonArray trace = new JsonArray();
    for (long b : m.residentBytes()) {
      trace.add(b);
    }
    o.add("resident_bytes", trace);
    return o;
  }

  private static String mib(long bytes) {
    return String.format("%.0f MiB", bytes / (1024.0 * 1024.0));
  }
}
