package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.VideoDecodeException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frame-exact decoding against the ffmpeg CLI's decode of the same clips (see data/video/make_fixture.sh). */
class VideoFileSourceTest {
  @TempDir Path dir;

  static Path resource(String name) throws URISyntaxException {
    return Path.of(VideoFileSourceTest.class.getResource("/data/video/" + name).toURI());
  }

  /** Mean absolute difference between a decoded frame and frame {@code k} of the reference strip. */
  private static double meanDiff(RgbFrame f, RgbFrame strip, int k) {
    int plane = f.width() * f.height() * 3;
    double sum = 0;
    for (int i = 0; i < plane; i++) {
      sum += Math.abs((f.rgb()[i] & 0xff) - (strip.rgb()[k * plane + i] & 0xff));
    }
    return sum / plane;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bframes.mp4", "vp9.webm"})
  void everyFrameMatchesTheReferenceDecodeInAnyAccessOrder(String clip) throws Exception {
    String base = clip.substring(0, clip.indexOf('.'));
    RgbFrame strip = ImageFiles.read(resource(base + "_ref.png"));
    int refCount = Integer.parseInt(Files.readString(resource(base + "_ref.txt")).strip());
    int[] order = {0, 1, 2, 3, 13, 5, 23, 22, 11, 10, 12, 4, 20, 21, 6, 7, 8, 9, 14, 15, 16, 17, 18, 19};
    try (VideoFileSource v = new VideoFileSource(resource(clip))) {
      assertEquals(refCount, v.frameCount());
      assertEquals(48, v.width());
      assertEquals(32, v.height());
      for (int k : order) {
        RgbFrame f = v.frame(k);
        double own = meanDiff(f, strip, k);
        assertTrue(own < 2.0, clip + " frame " + k + " differs from the reference by " + own);
        for (int other = Math.max(0, k - 1); other <= Math.min(refCount - 1, k + 1); other++) {
          if (other != k) {
            assertTrue(meanDiff(f, strip, other) > own + 10, clip + " frame " + k + " looks like frame " + other);
          }
        }
      }
    }
  }

  @Test
  void missingAndCorruptVideosAreErrors() throws IOException {
    VideoDecodeException missing = assertThrows(VideoDecodeException.class,
        () -> new VideoFileSource(dir.resolve("absent.mp4")));
    assertTrue(missing.getMessage().contains("absent.mp4"), missing.getMessage());
    Path junk = dir.resolve("junk.mp4");
    Files.write(junk, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3, 4, 5, 6, 7, 8});
    VideoDecodeException corrupt = assertThrows(VideoDecodeException.class, () -> new VideoFileSource(junk));
    assertTrue(corrupt.getMessage().startsWith(junk.toString()), corrupt.getMessage());
  }

  @Test
  void truncatedWebmCountsOnlyTheFramesItHolds() throws Exception {
    byte[] all = Files.readAllBytes(resource("vp9.webm"));
    Path cut = dir.resolve("cut.webm");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    try (VideoFileSource v = new VideoFileSource(cut)) {
      assertTrue(v.frameCount() > 0 && v.frameCount() < 24, "a cut file has fewer packets: " + v.frameCount());
      assertEquals(48, v.frame(v.frameCount() - 1).width());
    }
  }

  @Test
  void scalesWhenAskedTo() throws Exception {
    try (VideoFileSource v = new VideoFileSource(resource("bframes.mp4"), 24, 16)) {
      assertEquals(24, v.width());
      RgbFrame f = v.frame(5);
      assertEquals(24, f.width());
      assertEquals(16, f.height());
    }
  }
}
