package dev.adafocus.train;

import dev.adafocus.config.ExperimentConfig;

/** Builds the toy classifier and data for configs with {@code data.kind: toy} (registered for tests only). */
public final class ToyExperimentFactory implements ExperimentFactory {
  static final int FEATURES = 5;

  @Override
  public boolean supports(ExperimentConfig config) {
    return config.data().kind().equals("toy");
  }

  @Override
  public Experiment<?> create(ExperimentConfig config) {
    int classes = config.model().numClasses();
    int batch = config.data().batchSize();
    return new Experiment<>(new ToyTask(FEATURES, classes, true, config.model().dropout(), config.train().seed()),
        new ToyData(12, FEATURES, classes, batch, true, 7), new ToyData(6, FEATURES, classes, batch, false, 8));
  }
}
