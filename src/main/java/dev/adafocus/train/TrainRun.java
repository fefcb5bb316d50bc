package dev.adafocus.train;

import com.google.gson.Gson;
import dev.adafocus.CheckpointException;
import dev.adafocus.config.ConfigWriter;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.engine.Devices;
import dev.adafocus.engine.Engine;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.eval.Evaluator;
import dev.adafocus.io.TrainingCheckpointLayout;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

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
   * Trains {@code config}. {@code resume} is null (fresh run), {@link #AUTO} or a checkpoint path. Everything that can
   * be checked before training is checked before the run folder is created: the resume checkpoint (readable, epochs
   * left to train, weights that fit the model), the input files (ImageNet weights, list files, label map) and the
   * parameter groups named in the config; the run folder is then created and checked for writing before training.
   */
  public static Result run(ExperimentConfig config, String resume, PrintWriter out) {
    Path resumeFrom = resumeFile(config, resume, out);
    Checkpoint resumed = resumeFrom == null ? null : loadResumable(config, resumeFrom);
    config.requireInputFiles();
    Devices.parse(config.train().device());
    if (config.train().device().equals("cpu")) {
      dev.adafocus.engine.GradientSelfCheck.require();
    }
    if (config.train().threads() > 0) {
      Engine.setThreads(config.train().threads());
    }
    Experiment<?> experiment = Experiments.create(config);
    try {
      config.requireKnownParameterGroups(groupNames(experiment.task()));
      if (resumed != null) {
        StateDicts.load(experiment.task().module(), resumed.model(), resumeFrom.toString(), key -> false);
      }
      WorkDir work = WorkDir.create(config.runsFolder(), LocalDateTime.now());
      ConfigWriter.write(config, work.configFile());
      try (PrintWriter log = work.openLog(out)) {
        log.println("run folder: " + work.dir());
        return fit(experiment, config, work, resumeFrom, resumed, log);
      }
    } finally {
      Evaluator.closeIfNeeded(experiment.task());
    }
  }

  private static <B> Result fit(Experiment<B> e, ExperimentConfig config, WorkDir work, Path resumeFrom,
      Checkpoint resumed, PrintWriter log) {
    CheckpointStore store = new CheckpointStore(work.dir(), Map.of(TrainingCheckpointLayout.MODEL_SETTINGS,
        new Gson().toJson(config.model().architecture())));
    List<TrainingListener> listeners = List.of(new NanGuard(store), new ProgressLogger(log),
        new ScalarsJsonl(work.scalarsFile()), new CheckpointListener(store), new LearningCurve(work.dir()));
    try (Trainer<B> trainer = new Trainer<>(e.task(), e.train(), e.val(), config.train(), config.eval(), listeners)) {
      if (resumed != null) {
        trainer.resume(resumed, resumeFrom.toString());
        log.println("resumed from " + resumeFrom + " at epoch " + trainer.startEpoch());
        if (resumed.seed() != config.train().seed()) {
          log.println("warning: the checkpoint was trained with seed " + resumed.seed() + " but train.seed is "
              + config.train().seed() + "; the run continues, but not on the curve of an uninterrupted run");
        }
      } else {
        e.task().beforeTraining(log);
      }
      trainer.fit();
      List<EpochRecord> h = trainer.history();
      return new Result(work.dir(), h.isEmpty() ? -1 : h.get(h.size() - 1).epoch(), config.eval().bestMetric(),
          trainer.bestValue(), trainer.bestEpoch());
    }
  }

  /** The names of a task's parameter groups (the keys of {@code train.lr_ratios} and {@code train.frozen_from_epoch}). */
  static List<String> groupNames(TrainTask<?> task) {
    return task.parameterGroups().stream().map(ParamGroup::name).toList();
  }

  /** Reads the resume checkpoint; a run that already finished every epoch of the schedule has nothing to resume. */
  private static Checkpoint loadResumable(ExperimentConfig config, Path file) {
    Checkpoint c = CheckpointStore.load(file);
    List<String> changed = config.model().differencesFrom(TrainingCheckpointLayout.modelSettings(file));
    if (!changed.isEmpty()) {
      throw new CheckpointException(file + ": trained with other model settings than " + config.source() + " gives ("
          + String.join("; ", changed) + "); resume with the settings it was trained with");
    }
    int lastEpoch = config.train().passes() - 1;
    if (c.epoch() >= lastEpoch) {
      throw new CheckpointException(file + ": nothing left to train: this checkpoint finished epoch " + c.epoch()
          + " and the schedule of train.epochs=" + config.train().epochs() + " (" + config.source() + ") ends with epoch "
          + lastEpoch + "; raise train.epochs (e.g. --cfg-options train.epochs=" + (config.train().epochs() + 1)
          + ") to train on");
    }
    return c;
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
