package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.testing.CliRun;
import org.junit.jupiter.api.Test;

/** {@code --cfg-options} values are checked as command-line syntax before any config is read. */
class ConfigOptionsTest {
  @Test
  void anOverrideWithoutEqualsSignIsAUsageError() {
    for (String command : new String[] {"train", "test"}) {
      CliRun r = command.equals("train")
          ? CliRun.of("train", "configs/adafocusv2_ci_synthetic.yaml", "--cfg-options", "model.patch_size")
          : CliRun.of("test", "configs/adafocusv2_ci_synthetic.yaml", "none.safetensors", "--cfg-options", "=3");
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("--cfg-options '" + (command.equals("train") ? "model.patch_size" : "=3")
          + "': expected KEY=VALUE"), r.err());
    }
  }
}
