package dev.adafocus.exit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitThresholdsTest {
  @TempDir
  Path dir;

  private static final ExitThresholds SAMPLE = new ExitThresholds(1.3,
      new double[] {7.123456789f, ExitPolicy.UNREACHABLE, ExitPolicy.ACCEPT_ALL}, StepCosts.linear(1.5, 3),
      new Score(2.25, 61.5, 70.25), new double[] {0.5, 0, 0.5});

  @Test
  void roundTripsExactly() throws Exception {
    Path f = dir.resolve("t.json");
    SAMPLE.write(f);
    ExitThresholds r = ExitThresholds.read(f);
    assertEquals(SAMPLE.q(), r.q());
    assertArrayEquals(SAMPLE.thresholds(), r.thresholds(), 0);
    assertArrayEquals(SAMPLE.stepCosts().gflopsAfter(), r.stepCosts().gflopsAfter(), 0);
    assertEquals(SAMPLE.validation(), r.validation());
    assertArrayEquals(SAMPLE.validationExitFractions(), r.validationExitFractions(), 0);
    assertArrayEquals(SAMPLE.thresholds(), r.policy().thresholds(), 0);
    String text = Files.readString(f);
    assertTrue(text.contains("\"criterion\": \"max_logit\""), text);
  }

  private DataFormatException rejected(String json) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, json);
    DataFormatException e = assertThrows(DataFormatException.class, () -> ExitThresholds.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    return e;
  }

  private String sampleJson() throws Exception {
    Path f = dir.resolve("t.json");
    SAMPLE.write(f);
    return Files.readString(f);
  }

  @Test
  void malformedFilesAreRejectedNamingTheFile() throws Exception {
    String good = sampleJson();
    DataFormatException syntax = rejected("{\n  \"format\": \"adafocus-exit-thresholds\",\n  \"q\": ,\n}");
    assertEquals(3, syntax.line());
    assertTrue(!syntax.getMessage().contains("https://"), "no link to the JSON library's help: " + syntax.getMessage());
    assertTrue(rejected(good.replace("max_logit", "entropy")).getMessage().contains("unsupported criterion 'entropy'"));
    assertTrue(rejected(good.replace("\"q\"", "\"qq\"")).getMessage().contains("missing field 'q'"));
    assertTrue(rejected(good.replace("adafocus-exit-thresholds", "other")).getMessage().contains("'format'"));
    assertTrue(rejected(good.replaceFirst("\"thresholds\": \\[", "\"thresholds\": [1.0,"))
        .getMessage().contains("one entry per step"));
    assertTrue(rejected(good.replaceFirst("\"step_gflops\": \\[\\s*1.5", "\"step_gflops\": [9"))
        .getMessage().contains("cannot decrease"));
    assertTrue(rejected("[1, 2]").getMessage().contains("expected a JSON object"));
    assertThrows(DataFormatException.class, () -> ExitThresholds.read(dir.resolve("missing.json")));
  }
}
