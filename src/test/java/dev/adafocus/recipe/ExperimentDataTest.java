package dev.adafocus.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.config.ConfigException;
import dev.adafocus.config.ConfigLoader;
import dev.adafocus.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets from list files: the configured label map must match the model's classes. */
class ExperimentDataTest {
  @TempDir
  Path dir;

  @Test
  void aLabelMapWithTheModelsClassCountIsAccepted() throws IOException {
    ExperimentConfig c = config("0,Applying sunscreen\n1,Archery\n");
    assertEquals(2, ExperimentData.dataset(c, false).size());
  }

  @Test
  void aLabelMapWithAnotherClassCountIsRefusedNamingBoth() throws IOException {
    ExperimentConfig c = config("0,Applying sunscreen\n1,Archery\n2,Arm wrestling\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ExperimentData.dataset(c, false));
    assertTrue(e.getMessage().contains("names 3 classes but model.num_classes is 2"), e.getMessage());
    assertTrue(e.getMessage().contains("classInd.txt"), e.getMessage());
  }

  @Test
  void aMissingLabelMapIsRefusedUnlessSetToNull() throws IOException {
    ExperimentConfig c = config(null);
    ConfigException e = assertThrows(ConfigException.class, () -> ExperimentData.dataset(c, false));
    assertTrue(e.getMessage().contains(dir.resolve("classInd.txt") + ": no such file (data.label_map in"), e.getMessage());
    ExperimentConfig without = ConfigLoader.load(dir.resolve("exp.yaml"), Map.of(), List.of("data.label_map=null"));
    assertEquals(2, ExperimentData.dataset(without, false).size());
  }

  /** An ActivityNet-style experiment with two classes and two validation videos; the label map holds {@code labels}. */
  private ExperimentConfig config(String labels) throws IOException {
    if (labels != null) {
      Files.writeString(dir.resolve("classInd.txt"), labels);
    }
    Files.writeString(dir.resolve("val.txt"), "v_a,8,0\nv_b,8,1\n");
    Files.writeString(dir.resolve("exp.yaml"), """
        model:
          num_classes: 2
        data:
          kind: actnet
          root: %s
          train_list: %s
          val_list: %s
          label_map: %s
        """.formatted(dir, dir.resolve("val.txt"), dir.resolve("val.txt"), dir.resolve("classInd.txt")));
    return ConfigLoader.load(dir.resolve("exp.yaml"));
  }
}
