package dev.adafocus.train;

import dev.adafocus.config.ConfigException;
import dev.adafocus.config.ExperimentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link ExperimentFactory} for a config. */
public final class Experiments {
  private Experiments() {}

  /** Builds the experiment of {@code config} with the first factory that supports it. */
  public static Experiment<?> create(ExperimentConfig config) {
    List<String> known = new ArrayList<>();
    for (ExperimentFactory f : ServiceLoader.load(ExperimentFactory.class)) {
      if (f.supports(config)) {
        return f.create(config);
      }
      known.add(f.getClass().getSimpleName());
    }
    throw new ConfigException(config.source() + ": no model/data builder supports model.kind '" + config.model().kind()
        + "' with data.kind '" + config.data().kind() + "' (builders available: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
  }
}
