package dev.adafocus.train;

import dev.adafocus.AdaFocusException;
import dev.adafocus.viz.Plots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Redraws the run's curves after every epoch: {@code learning_curve.png} (mean training loss per epoch) and
 * {@code val_metrics.png} (validation metrics per validated epoch), from the whole history (resumed runs included).
 */
public final class LearningCurve implements TrainingListener {
  private final Path dir;

  public LearningCurve(Path dir) {
    this.dir = dir;
  }

  @Override
  public void onEpochEnd(Trainer<?> trainer, EpochRecord r) {
    List<EpochRecord> h = trainer.history();
    double[] epochs = h.stream().mapToDouble(EpochRecord::epoch).toArray();
    double[] loss = h.stream().mapToDouble(EpochRecord::trainLoss).toArray();
    try {
      Plots.writeXY(dir.resolve("learning_curve.png"), "Training loss", "epoch", "mean loss",
          List.of(new Plots.Series("train loss", epochs, loss, true)), 800, 500);
      List<EpochRecord> validated = h.stream().filter(e -> !e.metrics().isEmpty()).toList();
      if (validated.isEmpty()) {
        return;
      }
      double[] x = validated.stream().mapToDouble(EpochRecord::epoch).toArray();
      List<Plots.Series> series = new ArrayList<>();
      for (String metric : validated.get(0).metrics().keySet().stream().sorted().toList()) {
        double[] y = validated.stream().mapToDouble(e -> e.metrics().getOrDefault(metric, Double.NaN)).toArray();
        series.add(new Plots.Series(metric, x, y, true));
      }
      Plots.writeXY(dir.resolve("val_metrics.png"), "Validation", "epoch", "percent", series, 800, 500);
    } catch (IOException e) {
      throw new AdaFocusException("cannot write the learning curves in " + dir + ": " + e.getMessage(), e);
    }
  }
}
