package dev.adafocus.exit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.DataFormatException;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.io.Safetensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogitsDumpTest {
  @TempDir
  Path dir;

  private static final float[][][] LOGITS = {
      {{1f, 2f, 3f}, {4f, 5f, 6f}},
      {{-1f, 0f, 1f}, {0.5f, 0.25f, 0.125f}}};
  private static final int[][] LABELS = {{2, -1, -1}, {0, 1, -1}};

  @Test
  void roundTripsThroughSafetensors() throws Exception {
    Path f = dir.resolve("d.safetensors");
    new LogitsDump(LOGITS, LABELS, new long[] {7, 9}).write(f);
    LogitsDump d = LogitsDump.read(f);
    assertEquals(2, d.videos());
    assertEquals(2, d.steps());
    assertEquals(3, d.classes());
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 2; k++) {
        assertArrayEquals(LOGITS[i][k], d.logits()[i][k]);
      }
      assertArrayEquals(LABELS[i], d.labels()[i]);
    }
    assertArrayEquals(new long[] {7, 9}, d.videoIndex());
    assertArrayEquals(new int[] {2, 0}, d.primaryLabels());
    assertArrayEquals(LOGITS[1][1], d.stepLogits(1)[1]);
  }

  @Test
  void videoIndexIsOptional() throws Exception {
    Path f = dir.resolve("d.safetensors");
    new LogitsDump(LOGITS, LABELS, null).write(f);
    assertNull(LogitsDump.read(f).videoIndex());
  }

  @Test
  void randomSubsetKeepsFileOrderAndIsSeeded() {
    float[][][] logits = new float[10][1][1];
    int[][] labels = new int[10][1];
    long[] index = new long[10];
    for (int i = 0; i < 10; i++) {
      logits[i][0][0] = i;
      index[i] = i;
    }
    LogitsDump d = new LogitsDump(logits, labels, index);
    LogitsDump s = d.randomSubset(4, 42);
    assertEquals(4, s.videos());
    for (int i = 1; i < 4; i++) {
      assertTrue(s.videoIndex()[i] > s.videoIndex()[i - 1]);
    }
    assertArrayEquals(s.videoIndex(), d.randomSubset(4, 42).videoIndex());
    assertEquals(10, d.randomSubset(20, 1).videos());
  }

  private Path writeTensors(Map<String, HostTensor> t) throws Exception {
    Path f = dir.resolve("bad.safetensors");
    Safetensors.write(f, t, Map.of());
    return f;
  }

  private static HostTensor logits(long n, long t, long c) {
    return HostTensor.ofFloats(new long[] {n, t, c}, new float[(int) (n * t * c)]);
  }

  private void assertRejected(Path f, String fragment) {
    DataFormatException e = assertThrows(DataFormatException.class, () -> LogitsDump.read(f));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void malformedDumpsAreRejectedNamingTheFile() throws Exception {
    Map<String, HostTensor> t = new LinkedHashMap<>();
    t.put("logits", logits(2, 3, 4));
    assertRejected(writeTensors(t), "missing tensor 'labels'");

    t.put("labels", HostTensor.ofLongs(new long[] {3, 3}, new long[9]));
    assertRejected(writeTensors(t), "'labels' has shape [3, 3]");

    t.put("labels", HostTensor.ofLongs(new long[] {2, 3}, new long[] {0, -1, -1, 4, -1, -1}));
    assertRejected(writeTensors(t), "label slot 0 holds 4");

    t.put("labels", HostTensor.ofLongs(new long[] {2, 3}, new long[] {0, -1, -1, -1, 1, -1}));
    assertRejected(writeTensors(t), "empty label slot 0");

    t.put("labels", HostTensor.ofLongs(new long[] {2, 3}, new long[] {0, -1, -1, 1, -1, -1}));
    t.put("logits", HostTensor.ofDoubles(new long[] {2, 3, 4}, new double[24]));
    assertRejected(writeTensors(t), "dtype");

    t.put("logits", HostTensor.ofFloats(new long[] {2, 12}, new float[24]));
    assertRejected(writeTensors(t), "expected 3 dimensions");

    float[] nan = new float[24];
    nan[5] = Float.NaN;
    t.put("logits", HostTensor.ofFloats(new long[] {2, 3, 4}, nan));
    assertRejected(writeTensors(t), "non-finite");

    t.put("logits", logits(2, 3, 4));
    t.put("video_index", HostTensor.ofLongs(new long[] {3}, new long[3]));
    assertRejected(writeTensors(t), "'video_index' has 3 entries");

    t.remove("video_index");
    t.put("extra", HostTensor.ofLongs(new long[] {1}, new long[1]));
    assertRejected(writeTensors(t), "unexpected tensor 'extra'");
  }

  @Test
  void nonSafetensorsAndMissingFilesAreRejectedNamingTheFile() throws Exception {
    Path f = dir.resolve("junk.safetensors");
    Files.writeString(f, "this is not a tensor file");
    assertRejected(f, "not a readable logits dump");
    assertRejected(dir.resolve("missing.safetensors"), "no such logits dump");
  }
}
