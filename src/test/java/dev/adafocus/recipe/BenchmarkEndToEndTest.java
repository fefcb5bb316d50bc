package dev.adafocus.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.adafocus.cli.Main;
import dev.adafocus.exit.LogitsDump;
import dev.adafocus.testing.CliRun;
import dev.adafocus.viz.VideoFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path on a tiny config: train, test with dumps, the demo's comparison, single-video inference. */
class BenchmarkEndToEndTest {
  static final Path CI_CONFIG = Path.of("configs", "adafocusv2_ci_synthetic.yaml");
  /**
   * A logit change larger than float32 rounding: the optimised and plain float32 logits agree within 1e-4 (asserted
   * below); bfloat16 backbones moved them by up to 5e-3 on the development machine.
   */
  private static final double BF16_VISIBLE = 1e-3;
  /**
   * The same for a softmax score of the single-video demo: float32 optimised vs plain differed by 1.5e-8, bfloat16 by
   * 2.7e-4 on the development machine.
   */
  private static final double BF16_VISIBLE_SCORE = 1e-5;

  @TempDir
  Path dir;

  @Test
  void trainThenTestOnTheBuiltInBenchmark() throws Exception {
    CliRun train = CliRun.of("train", CI_CONFIG.toString(), "--work-dir", dir.toString(), "--json");
    assertEquals(0, train.code(), train.err());
    Path runDir = Path.of(train.json().get("run_dir").getAsString());
    Path ckpt = runDir.resolve("last.safetensors");
    assertTrue(Files.size(ckpt) > 0);
    CliRun test = CliRun.of("test", CI_CONFIG.toString(), ckpt.toString(), "--dump", dir.resolve("dump").toString());
    assertEquals(0, test.code(), test.err());
    assertTrue(test.out().contains("top1"), test.out());
    LogitsDump dump = LogitsDump.read(dir.resolve("dump").resolve("step_logits.safetensors"));
    assertEquals(8, dump.logits().length, "one row per validation clip");
    assertEquals(4, dump.logits()[0].length, "one row of logits per step");

    CliRun optimised = CliRun.of("test", CI_CONFIG.toString(), ckpt.toString(), "--dump", dir.resolve("fast").toString(), "--optimise",
        "--cfg-options", "model.glance_pretrained=" + dir.resolve("absent.pth.tar"));
    assertEquals(0, optimised.code(), optimised.err());
    LogitsDump fast = LogitsDump.read(dir.resolve("fast").resolve("step_logits.safetensors"));
    for (int v = 0; v < dump.videos(); v++) {
      for (int t = 0; t < dump.steps(); t++) {
        assertArrayEquals(dump.logits()[v][t], fast.logits()[v][t], 1e-4f, "folded, fused, NHWC: clip " + v + ", step " + t);
      }
    }

    CliRun reduced = CliRun.of("test", CI_CONFIG.toString(), ckpt.toString(), "--dump", dir.resolve("bf16").toString(), "--optimise",
        "--precision", "bf16");
    assertEquals(0, reduced.code(), reduced.err());
    LogitsDump bf16 = LogitsDump.read(dir.resolve("bf16").resolve("step_logits.safetensors"));
    int last = dump.steps() - 1;
    int agree = 0;
    double largest = 0;
    for (int v = 0; v < dump.videos(); v++) {
      agree += argmax(bf16.logits()[v][last]) == argmax(fast.logits()[v][last]) ? 1 : 0;
      for (int c = 0; c < bf16.logits()[v][last].length; c++) {
        largest = Math.max(largest, Math.abs(bf16.logits()[v][last][c] - fast.logits()[v][last][c]));
      }
    }
    // the float32 optimised logits match the plain ones within 1e-4 (above); bfloat16 must differ by more than that
    assertTrue(largest > BF16_VISIBLE, "bfloat16 backbones give logits of their own: largest change " + largest);
    assertTrue(agree >= dump.videos() - 1, "bfloat16 backbones keep the predictions: " + agree + " of " + dump.videos());
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  /** Share of validation frames (all frames of every clip) whose centre patch holds the digit's centre. */
  static double centrePatchOnTarget() {
    var config = dev.adafocus.config.ConfigLoader.load(CI_CONFIG);
    var gen = new dev.adafocus.data.synthetic.BenchmarkGenerator(config.data().synthetic());
    int side = config.model().inputSize();
    int patch = config.model().patchSize();
    double lo = (side - patch) / 2.0;
    int hits = 0;
    int frames = 0;
    for (int i = 0; i < config.data().synthetic().valClips(); i++) {
      var clip = gen.clip(dev.adafocus.data.synthetic.Split.VAL, i);
      for (int t = 0; t < clip.frameCount(); t++) {
        var box = clip.box(t);
        if (box.centreX() >= lo && box.centreX() < lo + patch && box.centreY() >= lo && box.centreY() < lo + patch) {
          hits++;
        }
        frames++;
      }
    }
    return 100.0 * hits / frames;
  }

  @Test
  void demoComparesTheFourVariantsAndDrawsAValidationClip() throws Exception {
    CliRun demo = CliRun.of("demo", "--config", CI_CONFIG.toString(), "--work-dir", dir.toString(), "--json");
    assertEquals(0, demo.code(), demo.err());
    JsonObject o = demo.json();
    List<String> names = o.getAsJsonArray("results").asList().stream()
        .map(e -> e.getAsJsonObject().get("variant").getAsString()).toList();
    assertEquals(List.of("AdaFocusV2 (learned policy)", "random patches", "centre patches", "glance only"), names);
    for (var e : o.getAsJsonArray("results")) {
      double top1 = e.getAsJsonObject().get("top1").getAsDouble();
      assertTrue(top1 >= 0 && top1 <= 100);
      assertTrue(e.getAsJsonObject().get("gflops_per_video").getAsDouble() > 0);
    }
    double ada = o.getAsJsonArray("results").get(0).getAsJsonObject().get("gflops_per_video").getAsDouble();
    double glance = o.getAsJsonArray("results").get(3).getAsJsonObject().get("gflops_per_video").getAsDouble();
    assertTrue(glance < ada, "the glance alone must cost less than the whole model");
    for (int i = 0; i < 3; i++) {
      double onTarget = o.getAsJsonArray("results").get(i).getAsJsonObject().get("on_target_percent").getAsDouble();
      assertTrue(onTarget >= 0 && onTarget <= 100, "on target " + onTarget);
    }
    assertEquals(centrePatchOnTarget(), o.getAsJsonArray("results").get(2).getAsJsonObject()
        .get("on_target_percent").getAsDouble(), 1e-9, "the centre patch's share, counted from the clips' boxes");
    assertTrue(!o.getAsJsonArray("results").get(3).getAsJsonObject().has("on_target_percent"));
    Path gif = Path.of(o.get("animation").getAsString());
    assertEquals(4, VideoFrames.readAll(gif).size(), "one animation frame per processed step");
    assertTrue(Files.exists(Path.of(o.get("run_dir").getAsString()).resolve("static_points.csv")));
  }

  @Test
  void singleVideoDemoOnAVideoFileAndAClearErrorOnACorruptOne() throws Exception {
    CliRun train = CliRun.of("train", CI_CONFIG.toString(), "--work-dir", dir.toString(), "--json");
    assertEquals(0, train.code(), train.err());
    Path ckpt = Path.of(train.json().get("run_dir").getAsString()).resolve("last.safetensors");
    CliRun make = CliRun.of("data", "make-benchmark", "--out", dir.resolve("bench").toString(), "--frame-size", "64",
        "--frames", "6", "--object-size", "20", "--clutter", "4", "--clutter-size", "8", "--train-clips", "1",
        "--val-clips", "1", "--classes", "10", "--format", "videos");
    assertEquals(0, make.code(), make.err() + make.out());
    Path video;
    try (var files = Files.walk(dir.resolve("bench"))) {
      video = files.filter(p -> p.toString().endsWith(".mp4")).findFirst().orElseThrow();
    }
    Path gif = dir.resolve("out.gif");
    CliRun demo = CliRun.of("demo", CI_CONFIG.toString(), ckpt.toString(), video.toString(), "--out-filename", gif.toString(), "--json");
    assertEquals(0, demo.code(), demo.err());
    JsonObject o = demo.json();
    assertEquals(5, o.getAsJsonArray("top5").size());
    assertEquals(4, o.get("frames_processed").getAsInt());
    assertEquals(4, VideoFrames.readAll(gif).size());
    CliRun fast = CliRun.of("demo", CI_CONFIG.toString(), ckpt.toString(), video.toString(), "--out-filename",
        dir.resolve("fast.gif").toString(), "--optimise", "--json");
    assertEquals(0, fast.code(), fast.err());
    for (int k = 0; k < 5; k++) {
      JsonObject plain = o.getAsJsonArray("top5").get(k).getAsJsonObject();
      JsonObject optimised = fast.json().getAsJsonArray("top5").get(k).getAsJsonObject();
      assertEquals(plain.get("score").getAsDouble(), optimised.get("score").getAsDouble(), 1e-4, "score " + k);
    }
    assertEquals(o.getAsJsonArray("top5").get(0).getAsJsonObject().get("class").getAsString(),
        fast.json().getAsJsonArray("top5").get(0).getAsJsonObject().get("class").getAsString());
    CliRun reduced = CliRun.of("demo", CI_CONFIG.toString(), ckpt.toString(), video.toString(), "--out-filename",
        dir.resolve("bf16.gif").toString(), "--optimise", "--precision", "bf16", "--json");
    assertEquals(0, reduced.code(), reduced.err());
    assertEquals(4, reduced.json().get("frames_processed").getAsInt());
    assertEquals(4, VideoFrames.readAll(dir.resolve("bf16.gif")).size());
    double top = reduced.json().getAsJsonArray("top5").get(0).getAsJsonObject().get("score").getAsDouble();
    double fastTop = fast.json().getAsJsonArray("top5").get(0).getAsJsonObject().get("score").getAsDouble();
    assertEquals(fastTop, top, 0.1, "bfloat16 backbones move the top score a little");
    assertTrue(Math.abs(top - fastTop) > BF16_VISIBLE_SCORE, "and do move it: " + top + " vs " + fastTop);
    Path labels = dir.resolve("digits.txt");
    Files.writeString(labels, IntStream.range(0, 10).mapToObj(d -> "digit " + d + "\n").collect(Collectors.joining()));
    CliRun named = CliRun.of("demo", CI_CONFIG.toString(), ckpt.toString(), video.toString(), "--out-filename",
        dir.resolve("named.gif").toString(), "--cfg-options", "data.label_map=" + labels, "--json");
    assertEquals(0, named.code(), named.err());
    for (int k = 0; k < 5; k++) {
      String plain = o.getAsJsonArray("top5").get(k).getAsJsonObject().get("class").getAsString();
      assertEquals("digit " + plain, named.json().getAsJsonArray("top5").get(k).getAsJsonObject().get("class").getAsString(),
          "without LABEL_MAP the config's data.label_map names the classes");
    }
    CliRun unnamed = CliRun.of("demo", CI_CONFIG.toString(), ckpt.toString(), video.toString(), "--out-filename",
        dir.resolve("unnamed.gif").toString(), "--cfg-options", "data.label_map=" + dir.resolve("absent.txt"), "--json");
    assertEquals(0, unnamed.code(), unnamed.err());
    assertTrue(unnamed.err().contains("absent.txt (data.label_map in " + CI_CONFIG + ") not found; classes are shown by "
        + "index"), unnamed.err());
    assertEquals(o.getAsJsonArray("top5"), unnamed.json().getAsJsonArray("top5"), "indices, as without a label map");
    Path corrupt = dir.resolve("corrupt.mp4");
    Files.write(corrupt, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
    CliRun bad = CliRun.of("demo", CI_CONFIG.toString(), ckpt.toString(), corrupt.toString());
    assertEquals(Main.BAD_INPUT, bad.code(), bad.out() + bad.err());
    assertTrue(bad.err().contains(corrupt.toString()), bad.err());
  }
}
