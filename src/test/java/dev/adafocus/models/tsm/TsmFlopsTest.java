package dev.adafocus.models.tsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official per-video GFLOPs of AdaFocusV2-TSM (8 glance + 12 focus frames, 174 classes) and their per-frame
 * parts (dossier §4.2: TSM-MobileNetV2 0.29996, TSM-R50 1.3353 / 2.0860 at 128 / 160, both TSN heads included;
 * π ≈ 0.036 per video).
 */
class TsmFlopsTest {
  private static final int CLASSES = 174;

  @ParameterizedTest
  @CsvSource({"128, 18.5, 1.3353", "144, 23.5, 0", "160, 27.5, 2.0860", "176, 33.7, 0"})
  void reproducesTheOfficialTotalsWithinOnePercent(int patch, double official, double focusPerFrame) {
    TsmFlops f = TsmFlops.measure(TsmConfig.official(CLASSES, patch));
    assertEquals(official, f.gflopsPerVideo(), 0.01 * official, "P=" + patch + ": " + f.perVideoMacs());
    var macs = f.perVideoMacs();
    // aux_heads holds the two new_new_fc heads: 8 glance frames x 1280 x C and 12 focus frames x 2048 x C
    assertEquals((8L * 1280 + 12L * 2048) * CLASSES, macs.get("aux_heads"));
    assertEquals(0.29996, (macs.get("glance") / 8.0 + 1280.0 * CLASSES) / 1e9, 5e-5, "TSM-MobileNetV2 per frame");
    assertEquals(0.036, macs.get("policy") / 1e9, 5e-4, "policy per video");
    if (focusPerFrame > 0) {
      assertEquals(focusPerFrame, (macs.get("focus") / 12.0 + 2048.0 * CLASSES) / 1e9, 5e-5, "TSM-R50 per frame at P=" + patch);
    }
  }
}
