package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.data.synthetic.Split;
import dev.adafocus.data.synthetic.LabelRule;
import dev.adafocus.data.synthetic.SyntheticBenchmark;
import dev.adafocus.data.transforms.Normalize;
import dev.adafocus.data.transforms.Resize;
import dev.adafocus.engine.Tensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in benchmark's clips flow through the same dataset and loader as files on disk. */
class SyntheticSourceLoaderTest {
  @Test
  void generatedClipsLoadAsBatches() {
    BenchmarkGenerator gen = new BenchmarkGenerator(
        new SyntheticBenchmark(64, 4, 20, 1, 3, 4, 8, 0.05, true, 3, 3, 2, 11, LabelRule.DIGIT));
    List<VideoRecord> records = new ArrayList<>();
    for (int i = 0; i < gen.size(Split.TRAIN); i++) {
      records.add(new VideoRecord(String.valueOf(i), 4, new int[] {gen.label(Split.TRAIN, i)},
          Path.of("synthetic-train"), i + 1));
    }
    VideoOpener opener = r -> gen.clip(Split.TRAIN, Integer.parseInt(r.path()));
    VideoDataset ds = new VideoDataset(records, opener, ClipSampling.single(4, false, false), new Resize(64, 64),
        Normalize.IMAGENET);
    try (DataLoader loader = new DataLoader(ds, LoaderOptions.evaluation(3, 1)); DataLoader.Epoch e = loader.epoch(0);
        Batch b = e.next()) {
      assertArrayEquals(new long[] {3, 12, 64, 64}, Tensors.shape(b.frames()));
      long[] targets = Tensors.toLongs(b.targets());
      float[] x = Tensors.toFloats(b.frames());
      int plane = 64 * 64;
      for (int i = 0; i < 3; i++) {
        assertEquals(gen.label(Split.TRAIN, i), targets[i]);
        RgbFrame f = gen.clip(Split.TRAIN, i).frame(2);
        int red = f.at(10, 20, 0);
        float got = x[(i * 12 + 2 * 3) * plane + 20 * 64 + 10];
        assertEquals((red / 255f - 0.485f) / 0.229f, got, 1e-5);
      }
    }
  }
}
