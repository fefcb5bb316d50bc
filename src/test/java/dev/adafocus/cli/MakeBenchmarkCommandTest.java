package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.data.RgbFrame;
import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.data.synthetic.LabelRule;
import dev.adafocus.data.synthetic.Split;
import dev.adafocus.data.synthetic.SyntheticBenchmark;
import dev.adafocus.data.synthetic.SyntheticClip;
import dev.adafocus.testing.CliRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeBenchmarkCommandTest {
  /** Tiny benchmark: 64² frames, 4 frames, 3 train and 2 val clips. */
  private static final SyntheticBenchmark TINY =
      new SyntheticBenchmark(64, 4, 20, 1, 3, 4, 8, 0.05, true, 3, 3, 2, 11, LabelRule.DIGIT);
  private static final String[] TINY_ARGS = {"--frame-size", "64", "--frames", "4", "--object-size", "20",
      "--min-speed", "1", "--max-speed", "3", "--clutter", "4", "--clutter-size", "8", "--noise", "0.05",
      "--classes", "3", "--train-clips", "3", "--val-clips", "2", "--seed", "11", "--patch", "24"};

  private static CliRun run(String... args) {
    return CliRun.of(CliRun.concat(new String[] {"data", "make-benchmark"}, args));
  }

  @Test
  void writesVideosPngFramesAndListsThatMatchTheGenerator(@TempDir Path dir) throws Exception {
    CliRun r = run(CliRun.concat(TINY_ARGS, "--out", dir.toString(), "--format", "videos,frames", "--image-format", "png",
        "--json"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("make-benchmark: train 3/3 clips"), r.err());
    String[] lines = r.out().strip().split("\n");
    JsonObject summary = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    assertTrue(summary.get("video_codec").getAsString().contains("264"), summary.toString());
    assertEquals(3, summary.getAsJsonObject("config").get("numClasses").getAsInt());

    assertEquals(List.of("0,zero", "1,one", "2,two"), Files.readAllLines(dir.resolve("classInd.txt")));
    assertEquals(List.of("zero", "one", "two"), Files.readAllLines(dir.resolve("label_map.txt")));
    assertTrue(Files.size(dir.resolve("preview.png")) > 0);
    BenchmarkGenerator generator = new BenchmarkGenerator(TINY);
    for (Split split : Split.values()) {
      List<String> videos = Files.readAllLines(dir.resolve(split.fileName() + "_videos.txt"));
      List<String> frames = Files.readAllLines(dir.resolve(split.fileName() + "_frames.txt"));
      List<String> boxes = Files.readAllLines(dir.resolve(split.fileName() + "_boxes.jsonl"));
      assertEquals(TINY.clips(split), videos.size());
      assertEquals(TINY.clips(split), frames.size());
      assertEquals(TINY.clips(split), boxes.size());
      for (int i = 0; i < TINY.clips(split); i++) {
        SyntheticClip clip = generator.clip(split, i);
        String[] v = videos.get(i).split(" ");
        assertEquals(2, v.length);
        assertEquals(clip.label(), Integer.parseInt(v[1]));
        assertVideoMatches(dir.resolve(v[0]), clip);
        String[] f = frames.get(i).split(" ");
        assertEquals(3, f.length);
        assertEquals(clip.frameCount(), Integer.parseInt(f[1]));
        assertEquals(clip.label(), Integer.parseInt(f[2]));
        try (var listing = Files.list(dir.resolve(f[0]))) {
          assertEquals(clip.frameCount(), listing.count());
        }
        for (int t = 0; t < clip.frameCount(); t++) {
          RgbFrame png = read(dir.resolve(f[0]).resolve(String.format("img_%05d.png", t + 1)));
          assertArrayEquals(clip.frame(t).rgb(), png.rgb(), "png frame " + t + " of " + clip);
        }
        JsonObject box = JsonParser.parseString(boxes.get(i)).getAsJsonObject();
        assertEquals(clip.box(2).x(), box.getAsJsonArray("boxes").get(2).getAsJsonArray().get(0).getAsInt());
      }
    }
  }

  @Test
  void jpegFramesAreCloseToTheGenerator(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("train_videos.txt"), "videos/train/train_00000.mp4 0\n");
    CliRun r = run(CliRun.concat(TINY_ARGS, "--out", dir.toString(), "--format", "frames"));
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(dir.resolve("videos")));
    assertFalse(Files.exists(dir.resolve("train_videos.txt")), "a stale video list is left behind");
    SyntheticClip clip = new BenchmarkGenerator(TINY).clip(Split.VAL, 1);
    RgbFrame jpg = read(dir.resolve("frames/val/val_00001/img_00004.jpg"));
    double mae = meanAbsoluteError(clip.frame(3), jpg);
    assertTrue(mae < 8, "JPEG mean absolute error " + mae);
    assertNotEquals(0.0, mae);
  }

  @Test
  void theMotionVariantNamesItsClassesByDirection(@TempDir Path dir) throws Exception {
    CliRun r = run(CliRun.concat(TINY_ARGS, "--out", dir.toString(), "--format", "frames", "--label", "direction"));
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("0,direction_0deg", "1,direction_120deg", "2,direction_240deg"),
        Files.readAllLines(dir.resolve("classInd.txt")), "3 classes: 0°, 120°, 240°");
    assertTrue(Files.readString(dir.resolve("benchmark.json")).contains("\"label\": \"DIRECTION\""),
        "benchmark.json regenerates the same clips");
    CliRun bad = run(CliRun.concat(TINY_ARGS, "--out", dir.toString(), "--label", "speed"));
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("expected one of [DIGIT, DIRECTION] (case-insensitive)"), bad.err());
  }

  @Test
  void badConfigurationFailsWithAClearMessage(@TempDir Path dir) {
    CliRun r = run("--out", dir.toString(), "--object-size", "200");
    assertNotEquals(0, r.code());
    assertTrue(r.err().contains("invalid benchmark configuration: objectSize"), r.err());
    try (var listing = Files.list(dir)) {
      assertEquals(0, listing.count());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void usageErrorsNameTheProblem() {
    CliRun bogus = run("--format", "bogus", "--probe-only", "--probe-train", "10");
    assertEquals(2, bogus.code());
    assertTrue(bogus.err().contains("expected one of [VIDEOS, FRAMES] (case-insensitive) but was 'bogus'"),
        bogus.err());
    CliRun noProbe = run("--probe-only");
    assertEquals(2, noProbe.code());
    assertTrue(noProbe.err().contains("--probe-only needs --probe-train"), noProbe.err());
  }

  @Test
  void probeOnlyPrintsCoverageAndAccuracyWithoutWriting(@TempDir Path dir) {
    CliRun r = run(CliRun.concat(TINY_ARGS, "--out", dir.resolve("none").toString(), "--probe-only", "--probe-train", "3",
        "--json"));
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(dir.resolve("none")));
    String[] lines = r.out().strip().split("\n");
    JsonObject probe = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject().getAsJsonObject("probe");
    assertEquals(1.0, probe.getAsJsonObject("coverage").getAsJsonObject("ORACLE").get("whole").getAsDouble());
    assertTrue(probe.getAsJsonObject("accuracy").has("GLANCE"));
    assertTrue(r.out().contains("probe: 24 px patch, glance shrunk 4x, 3 train and 2 val clips, 3 classes"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("  oracle +100\\.0 % .*")), r.out());
    assertFalse(r.out().contains("Report["), r.out());
  }

  private static void assertVideoMatches(Path file, SyntheticClip clip) throws Exception {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
      grabber.start();
      assertEquals(clip.width(), grabber.getImageWidth());
      int t = 0;
      for (Frame f = grabber.grabImage(); f != null; f = grabber.grabImage(), t++) {
        byte[] rgb = new byte[clip.width() * clip.height() * 3];
        ByteBuffer buf = (ByteBuffer) f.image[0];
        for (int y = 0; y < clip.height(); y++) {
          buf.position(y * f.imageStride);
          buf.get(rgb, y * clip.width() * 3, clip.width() * 3);
        }
        double mae = meanAbsoluteError(clip.frame(t), new RgbFrame(clip.width(), clip.height(), rgb));
        assertTrue(mae < 12, file + " frame " + t + ": mean absolute error " + mae);
      }
      assertEquals(clip.frameCount(), t, file + " frame count");
    }
  }

  private static RgbFrame read(Path image) throws IOException {
    BufferedImage img = ImageIO.read(image.toFile());
    byte[] rgb = new byte[img.getWidth() * img.getHeight() * 3];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        int i = (y * img.getWidth() + x) * 3;
        rgb[i] = (byte) (p >> 16);
        rgb[i + 1] = (byte) (p >> 8);
        rgb[i + 2] = (byte) p;
      }
    }
    return new RgbFrame(img.getWidth(), img.getHeight(), rgb);
  }

  private static double meanAbsoluteError(RgbFrame a, RgbFrame b) {
    long sum = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      sum += Math.abs((a.rgb()[i] & 0xff) - (b.rgb()[i] & 0xff));
    }
    return (double) sum / a.rgb().length;
  }
}
