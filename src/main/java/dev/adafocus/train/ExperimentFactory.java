package dev.adafocus.train;

import dev.adafocus.config.ExperimentConfig;

/**
 * Builds the model and data of a config. Implementations are found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/dev.adafocus.train.ExperimentFactory}); the first that supports a config builds it.
 */
public interface ExperimentFactory {
  /** Whether this factory builds {@code config} (typically decided by {@code data.kind}). */
  boolean supports(ExperimentConfig config);

  /** A new experiment with freshly initialised (or pretrained, as configured) weights. */
  Experiment<?> create(ExperimentConfig config);
}
