package dev.adafocus.flops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adafocus.models.adafocus.AdaFocusConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-frame GFLOPs of the official models (dossier §4.2, V2/A early_exit.py) to 4 significant digits. */
class ModelFlopsTest {
  @ParameterizedTest
  @CsvSource({"96, 1.10096541", "128, 1.684842018", "160, 2.435540514", "192, 3.353060898"})
  void mobileNetGlanceConstants(int patch, double official) {
    ModelFlops f = ModelFlops.measure(AdaFocusConfig.officialMobileNet(patch, 200, 16));
    assertEquals(official, f.gflopsPerFrame(), 1e-8, "P=" + patch);
    assertEquals(16 * f.gflopsPerFrame(), f.gflopsPerVideo(), 1e-12);
  }

  @ParameterizedTest
  @CsvSource({"96, 1.547401154", "128, 2.131277762", "160, 2.881976258"})
  void resNetGlanceConstants(int patch, double official) {
    ModelFlops f = ModelFlops.measure(AdaFocusConfig.officialResNet(patch, 200, 16));
    assertEquals(official, f.gflopsPerFrame(), 1e-8, "P=" + patch);
  }
}
