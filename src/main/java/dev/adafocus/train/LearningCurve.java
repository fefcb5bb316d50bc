package dev.adafocus.train;

import dev.adafocus.AdaFocusException;
import dev.adafocus.viz.RunPlots;
import dev.adafocus.viz.ScalarsLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redraws the run's {@code learning_curve.png} after every epoch from the trainer's per-epoch history (a resumed run's
 * earlier epochs included): mean training loss and learning rate per epoch and the validation metrics, drawn as
 * {@code adafocus plot} draws a run's log ({@link RunPlots}).
 */
public final class LearningCurve implements TrainingListener {
  private final Path png;

  /** Draws into {@code dir/learning_curve.png}. */
  public LearningCurve(Path dir) {
    this.png = dir.resolve(RunPlots.LEARNING_CURVE_PNG);
  }

  @Override
  public void onEpochEnd(Trainer<?> trainer, EpochRecord r) {
    try {
      RunPlots.learningCurve(entries(trainer.history()), true, png);
    } catch (IOException e) {
      throw new AdaFocusException("cannot write the learning curves " + png + ": " + e.getMessage(), e);
    }
  }

  /** The history as log entries: a training entry per epoch, and a validation entry per validated epoch. */
  static List<ScalarsLog.Entry> entries(List<EpochRecord> history) {
    List<ScalarsLog.Entry> out = new ArrayList<>();
    for (EpochRecord e : history) {
      out.add(new ScalarsLog.Entry(0, "train", e.epoch(), Double.NaN, Map.of("loss", e.trainLoss(), "lr", e.lr())));
      if (!e.metrics().isEmpty()) {
        out.add(new ScalarsLog.Entry(0, "val", e.epoch(), Double.NaN, e.metrics()));
      }
    }
    return out;
  }
}
