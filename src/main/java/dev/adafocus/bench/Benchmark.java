package dev.adafocus.bench;

import dev.adafocus.engine.Engine;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.nn.InferenceOptimisation;
import dev.adafocus.nn.Precision;
import java.util.ArrayList;
import java.util.List;

/** Runs a {@link BenchPlan}: the interleaved inference timings, then the training step and the memory trace. */
public final class Benchmark {
  private Benchmark() {}

  /** Measures everything the plan asks for; {@code progress} receives one line per phase. */
  public static BenchReport run(BenchPlan plan, java.util.function.Consumer<String> progress) {
    Engine.init();
    AdaFocusConfig base = plan.model();
    Precision precision = plan.precision();
    List<BenchSubject> subjects = new ArrayList<>();
    try {
      progress.accept("building models");
      // the reference (the paper's main baseline: the heavy network on every whole frame) comes first
      subjects.add(BenchSubject.baseline(base.focus(), base, InferenceOptimisation.FAST, precision));
      subjects.add(BenchSubject.baseline(base.glance(), base, InferenceOptimisation.FAST, precision));
      for (int p : plan.patchSizes()) {
        subjects.add(BenchSubject.adaFocus(plan.withPatch(p), InferenceOptimisation.FAST, precision));
      }
      if (plan.stages()) {
        for (int p : plan.patchSizes()) {
          subjects.addAll(AdaFocusStages.subjects(plan.withPatch(p), InferenceOptimisation.FAST, precision));
        }
      }
      if (plan.ablation()) {
        AdaFocusConfig first = plan.withPatch(plan.patchSizes().get(0));
        subjects.add(BenchSubject.baseline(base.focus(), base, InferenceOptimisation.PLAIN, precision));
        subjects.add(BenchSubject.adaFocus(first, InferenceOptimisation.PLAIN, precision));
        for (InferenceOptimisation o : InferenceOptimisation.leaveOneOut()) {
          subjects.add(BenchSubject.adaFocus(first, o, precision));
        }
        // the fusion and the chunking help the reference too, by different shares
        subjects.add(BenchSubject.baseline(base.focus(), base, InferenceOptimisation.UNFUSED, precision));
        subjects.add(BenchSubject.baseline(base.focus(), base, InferenceOptimisation.UNCHUNKED, precision));
      }
      long stages = subjects.stream().filter(s -> s.stageOf() != null).count();
      progress.accept("timing " + (subjects.size() - stages) + " models" + (stages > 0 ? " and " + stages + " stages" : "")
          + " interleaved, batch sizes " + plan.batchSizes() + ", "
          + plan.warmup() + " warm-up + " + plan.repeats() + " timed calls each");
      List<InferenceBench.SubjectTimings> timings = InferenceBench.run(subjects, base.frames(), base.inputSize(),
          plan.batchSizes(), plan.warmup(), plan.repeats());
      MemoryTrace inferenceMemory = null;
      if (plan.memoryIterations() > 0) {
        progress.accept("memory trace: " + plan.memoryIterations() + " batch-1 inference iterations");
        inferenceMemory = InferenceBench.memory(subjects.get(2), base.frames(), base.inputSize(), plan.memoryIterations());
      }
      closeAll(subjects);
      TrainingStepBench.Result training = null;
      if (plan.trainBatch() > 0) {
        progress.accept("training steps: batch " + plan.trainBatch() + ", 1 warm-up + " + plan.trainIterations() + " timed");
        training = TrainingStepBench.run(plan.withPatch(plan.patchSizes().get(0)), plan.trainBatch(), 1, plan.trainIterations());
      }
      return new BenchReport(plan, BenchEnvironment.current(), timings, inferenceMemory, training);
    } finally {
      closeAll(subjects);
    }
  }

  private static void closeAll(List<BenchSubject> subjects) {
    for (BenchSubject s : subjects) {
      s.close();
    }
    subjects.clear();
  }
}
