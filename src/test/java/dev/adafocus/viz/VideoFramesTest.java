package dev.adafocus.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.VideoDecodeException;
import dev.adafocus.data.RgbFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFramesTest {
  @TempDir
  Path dir;

  private Path writtenMp4() {
    FocusTrace trace = TraceFixtures.trace(32, 32, 32, 8, InputMapping.identity(),
        new double[][] {{0, 0}, {1, 1}, {0.5, 0.5}}, new int[] {0, 1, 2});
    return AnimationWriter.write(dir.resolve("clip.mp4"), new PatchOverlay(2).renderAll(trace), 100).file();
  }

  private static void assertNamesFile(VideoDecodeException e, Path file) {
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), "message names the file: " + e.getMessage());
  }

  @Test
  void decodesEveryFrameOfAWrittenVideo() {
    List<RgbFrame> frames = VideoFrames.readAll(writtenMp4());
    assertEquals(3, frames.size());
    assertEquals(64, frames.get(0).width());
  }

  @Test
  void randomBytesFailWithAClearError() throws Exception {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Path bad = Files.write(dir.resolve("junk.mp4"), junk);
    VideoDecodeException e = assertThrows(VideoDecodeException.class, () -> VideoFrames.readAll(bad));
    assertNamesFile(e, bad);
  }

  @Test
  void truncatedVideoFailsWithAClearError() throws Exception {
    byte[] whole = Files.readAllBytes(writtenMp4());
    Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));
    VideoDecodeException e = assertThrows(VideoDecodeException.class, () -> VideoFrames.readAll(cut));
    assertNamesFile(e, cut);
  }

  @Test
  void emptyAndMissingFilesFailWithAClearError() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertNamesFile(assertThrows(VideoDecodeException.class, () -> VideoFrames.readAll(empty)), empty);
    Path missing = dir.resolve("missing.mp4");
    VideoDecodeException e = assertThrows(VideoDecodeException.class, () -> VideoFrames.readAll(missing));
    assertNamesFile(e, missing);
    assertTrue(e.getMessage().contains("no such video file"), e.getMessage());
  }
}
