package dev.adafocus.data.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.data.ImageFiles;
import dev.adafocus.data.RgbFrame;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Compares the resize and crop paths with Pillow's output on a committed fixture (see make_fixture.py). */
class PilBilinearTest {
  static RgbFrame fixture(String name) throws IOException, URISyntaxException {
    return ImageFiles.read(Path.of(PilBilinearTest.class.getResource("/data/pil/" + name).toURI()));
  }

  /** Largest absolute difference over all channels; asserts equal sizes. */
  static int maxDiff(RgbFrame a, RgbFrame b) {
    assertEquals(a.width(), b.width());
    assertEquals(a.height(), b.height());
    int max = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      max = Math.max(max, Math.abs((a.rgb()[i] & 0xff) - (b.rgb()[i] & 0xff)));
    }
    return max;
  }

  @Test
  void downscaleMatchesPillow() throws Exception {
    RgbFrame in = fixture("input.png");
    assertTrue(maxDiff(fixture("down_16x12.png"), PilBilinear.resize(in, 16, 12)) <= 1);
  }

  @Test
  void upscaleMatchesPillow() throws Exception {
    RgbFrame in = fixture("input.png");
    assertTrue(maxDiff(fixture("up_50x41.png"), PilBilinear.resize(in, 50, 41)) <= 1);
  }

  @Test
  void cropThenResizeMatchesPillow() throws Exception {
    RgbFrame in = fixture("input.png");
    RgbFrame out = PilBilinear.resize(FrameOps.crop(in, 5, 3, 27, 21), 24, 24);
    assertTrue(maxDiff(fixture("crop_resize.png"), out) <= 1);
  }

  @Test
  void evaluationPipelineMatchesPillow() throws Exception {
    RgbFrame in = fixture("input.png");
    ClipTransform eval = new ScaleShorterSide(20).then(new CenterCrop(16));
    RgbFrame out = eval.apply(List.of(in), new SplittableRandom(0)).get(0);
    assertTrue(maxDiff(fixture("eval_20_16.png"), out) <= 1);
  }

  @Test
  void naiveBilinearWouldNotMatch() throws Exception {
    RgbFrame in = fixture("input.png");
    RgbFrame pil = fixture("down_16x12.png");
    byte[] naive = new byte[16 * 12 * 3];
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 16; x++) {
        double sy = Math.min((y + 0.5) * 29 / 12 - 0.5, 28);
        double sx = Math.min((x + 0.5) * 37 / 16 - 0.5, 36);
        int y0 = (int) Math.max(Math.floor(sy), 0);
        int x0 = (int) Math.max(Math.floor(sx), 0);
        double dy = sy - y0;
        double dx = sx - x0;
        for (int c = 0; c < 3; c++) {
          double v = (1 - dy) * ((1 - dx) * in.at(x0, y0, c) + dx * in.at(Math.min(x0 + 1, 36), y0, c))
              + dy * ((1 - dx) * in.at(x0, Math.min(y0 + 1, 28), c)
              + dx * in.at(Math.min(x0 + 1, 36), Math.min(y0 + 1, 28), c));
          naive[(y * 16 + x) * 3 + c] = (byte) Math.round(v);
        }
      }
    }
    assertTrue(maxDiff(pil, new RgbFrame(16, 12, naive)) > 1, "the fixture must tell antialiasing apart");
  }
}
