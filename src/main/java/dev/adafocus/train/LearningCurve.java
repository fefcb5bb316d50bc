package dev.adafocus.train;

import dev.adafocus.AdaFocusException;
import dev.adafocus.viz.RunPlots;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Redraws the run's {@code learning_curve.png} after every epoch from its training log (resumed runs included), with
 * the same drawing as {@code adafocus plot}: loss, accuracy and learning-rate panels, training and validation series.
 */
public final class LearningCurve implements TrainingListener {
  private final Path scalars;
  private final Path png;

  /** Draws {@code scalars} (the log a {@link ScalarsJsonl} listener writes) into {@code dir/learning_curve.png}. */
  public LearningCurve(Path scalars, Path dir) {
    this.scalars = scalars;
    this.png = dir.resolve(RunPlots.LEARNING_CURVE_PNG);
  }

  @Override
  public void onEpochEnd(Trainer<?> trainer, EpochRecord r) {
    try {
      RunPlots.learningCurve(scalars, png);
    } catch (IOException e) {
      throw new AdaFocusException("cannot write the learning curves " + png + ": " + e.getMessage(), e);
    }
  }
}
