package dev.adafocus.train;

import dev.adafocus.CheckpointException;
import dev.adafocus.config.ConfigWriter;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.engine.Devices;
import dev.adafocus.engine.Engine;
import dev.adafocus.eval.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/** The {@code train} command as a library call: run folder, resolved config, listeners, optional resume, fit. */
public final class TrainRun {
  /** Resume argument meaning "the newest {@code last} checkpoint of this config's runs". */
  public static final String AUTO = "auto";

  private TrainRun() {}

  /**
   * What a finished run left behind.
   *
   * @param runDir the run folder
   * @param lastEpoch last finished epoch
   * @param bestMetric metric of the best checkpoint
   * @param bestValue its best value (NaN when never validated)
   * @param bestEpoch epoch of the best value (-1 when never validated)
   */
  public record Result(Path runDir, int lastEpoch, String bestMetric, double bestValue, int bestEpoch) {}

  /**
   * Trains {@code config}. {@code resume} is null (fresh run), {@link #AUTO} or a checkpoint path. The run folder is
   * created and checked before anything is built, so an unwritable location fails at once; a missing resume file or
   * input file (ImageNet weights, list files, label map) fails before the run folder is created.
   */
  public static Result run(ExperimentConfig config, String resume, PrintWriter out) {
    Path resumeFrom = resumeFile(config, resume, out);
    config.requireInputFiles();
    Devices.parse(config.train().device());
    if (config.train().device().equals("cpu")) {
      dev.adafocus.engine.GradientSelfCheck.require();
    }
    WorkDir work = WorkDir.create(config.runsFolder(), LocalDateTime.now());
    ConfigWriter.write(config, work.configFile());
    if (config.train().threads() > 0) {
      Engine.setThreads(config.train().threads());
    }
    Experiment<?> experiment = Experiments.create(config);
    try (PrintWriter log = work.openLog(out)) {
      log.println("run folder: " + work.dir());
      return fit(experiment, config, work, resumeFrom, log);
    } finally {
      Evaluator.closeIfNeeded(experiment.task());
    }
  }

  private static <B> Result fit(Experiment<B> e, ExperimentConfig config, WorkDir work, Path resumeFrom,
      PrintWriter log) {
    CheckpointStore store = new CheckpointStore(work.dir());
    List<TrainingListener> listeners = List.of(new NanGuard(store), new ProgressLogger(log),
        new ScalarsJsonl(work.scalarsFile()), new CheckpointListener(store), new LearningCurve(work.dir()));
    try (Trainer<B> trainer = new Trainer<>(e.task(), e.train(), e.val(), config.train(), config.eval(), listeners)) {
      if (resumeFrom != null) {
        Checkpoint c = CheckpointStore.load(resumeFrom);
        trainer.resume(c, resumeFrom.toString());
        log.println("resumed from " + resumeFrom + " at epoch " + trainer.startEpoch());
        if (c.seed() != config.train().seed()) {
          log.println("warning: the checkpoint was trained with seed " + c.seed() + " but train.seed is "
              + config.train().seed() + "; the run continues, but not on the curve of an uninterrupted run");
        }
      }
      if (resumeFrom == null) {
        e.task().beforeTraining(log);
      }
      trainer.fit();
      List<EpochRecord> h = trainer.history();
      return new Result(work.dir(), h.isEmpty() ? -1 : h.get(h.size() - 1).epoch(), config.eval().bestMetric(),
          trainer.bestValue(), trainer.bestEpoch());
    }
  }

  private static Path resumeFile(ExperimentConfig config, String resume, PrintWriter out) {
    if (resume == null) {
      return null;
    }
    if (!resume.equals(AUTO)) {
      Path file = Path.of(resume);
      if (!Files.isRegularFile(file)) {
        throw new CheckpointException(file + ": --resume checkpoint not found");
      }
      return file;
    }
    Path latest = CheckpointStore.latestIn(config.runsFolder());
    if (latest == null) {
      out.println("--resume: no last.safetensors under " + config.runsFolder() + "; starting a new run");
    }
    return latest;
  }
}
