package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.DataFormatException;
import dev.adafocus.data.transforms.MultiScaleCrop;
import dev.adafocus.data.transforms.Normalize;
import dev.adafocus.data.transforms.Resize;
import dev.adafocus.data.transforms.StandardTransforms;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {
  private static final FrameTemplate PNG = new FrameTemplate("img_%05d.png");

  @TempDir Path root;
  private Path list;

  /** Five videos of 6x4 frames whose red value encodes (video, frame): 40·v + 10 + k for frame k (0-based). */
  @BeforeEach
  void writeVideos() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int v = 0; v < 5; v++) {
      Path folder = root.resolve("vid " + v);
      Files.createDirectories(folder);
      for (int k = 0; k < 20; k++) {
        byte[] b = new byte[6 * 4 * 3];
        for (int p = 0; p < 24; p++) {
          b[p * 3] = (byte) (40 * v + 10 + k);
          b[p * 3 + 1] = (byte) (p * 9);
          b[p * 3 + 2] = (byte) (v * 50);
        }
        javax.imageio.ImageIO.write(ImageFiles.toImage(new RgbFrame(6, 4, b)), "png",
            folder.resolve(PNG.fileName(k)).toFile());
      }
      lines.append("vid ").append(v).append(",20,").append(v % 3).append(v == 4 ? ",0" : "").append('\n');
    }
    list = root.resolve("list.txt");
    Files.writeString(list, lines.toString());
  }

  private VideoDataset dataset(ClipSampling sampling, boolean augment) {
    List<VideoRecord> records = ListFileParser.parse(list, ListFormat.COMMA, 3);
    return new VideoDataset(records, VideoOpener.frameFolders(root, PNG), sampling,
        augment ? StandardTransforms.training(4, true) : new Resize(6, 4), Normalize.IMAGENET);
  }

  private static int red(float normalised) {
    return Math.round((normalised * 0.229f + 0.485f) * 255f);
  }

  @Test
  void evaluationBatchHoldsTheCoarseToFineFramesInTheOfficialLayout() {
    VideoDataset ds = dataset(ClipSampling.single(4, false, true), false);
    try (DataLoader loader = new DataLoader(ds, new LoaderOptions(2, false, false, 2, 2, 1, BadVideoPolicy.FAIL));
        DataLoader.Epoch epoch = loader.epoch(0)) {
      List<String> ids = new ArrayList<>();
      int[] centres = FrameSampler.permute(FrameSampler.evalIndices(20, 4), FrameSampler.coarseToFineOrder(4));
      while (epoch.hasNext()) {
        try (Batch b = epoch.next()) {
          long[] shape = Tensors.shape(b.frames());
          assertArrayEquals(new long[] {b.size(), 12, 4, 6}, shape);
          float[] x = Tensors.toFloats(b.frames());
          long[] targets = Tensors.toLongs(b.targets());
          for (int i = 0; i < b.size(); i++) {
            int v = b.videoIds().get(i).charAt(4) - '0';
            for (int t = 0; t < 4; t++) {
              assertEquals(40 * v + 10 + centres[t], red(x[((i * 12) + t * 3) * 24]), "video " + v + " t " + t);
            }
            assertEquals(b.labels().get(i)[0], targets[i]);
          }
          ids.addAll(b.videoIds());
        }
      }
      assertEquals(List.of("vid 0", "vid 1", "vid 2", "vid 3", "vid 4"), ids);
      assertEquals(5, loader.stats().clips());
      assertEquals(3, loader.stats().batches());
      assertArrayEquals(new int[] {0, 1}, ds.record(4).labels());
    }
  }

  private static List<float[]> epochValues(VideoDataset ds, int workers, int epoch) {
    List<float[]> out = new ArrayList<>();
    try (DataLoader loader = new DataLoader(ds, new LoaderOptions(2, true, true, workers, 3, 42, BadVideoPolicy.FAIL));
        DataLoader.Epoch e = loader.epoch(epoch)) {
      while (e.hasNext()) {
        try (Batch b = e.next()) {
          out.add(Tensors.toFloats(b.frames()));
          out.add(Tensors.toFloats(b.targets()));
        }
      }
    }
    return out;
  }

  @Test
  void trainingIsDeterministicWhateverTheWorkerCount() {
    VideoDataset ds = dataset(ClipSampling.single(3, true, false), true);
    List<float[]> one = epochValues(ds, 1, 0);
    List<float[]> three = epochValues(ds, 3, 0);
    assertEquals(4, one.size());
    for (int i = 0; i < one.size(); i++) {
      assertArrayEquals(one.get(i), three.get(i));
    }
    List<float[]> other = epochValues(ds, 2, 1);
    boolean differs = false;
    for (int i = 0; i < one.size(); i++) {
      differs |= !java.util.Arrays.equals(one.get(i), other.get(i));
    }
    assertTrue(differs, "another epoch draws other clips");
  }

  @Test
  void shuffleChangesWithTheEpochAndCoversEveryVideo() {
    VideoDataset ds = dataset(ClipSampling.single(2, true, false), false);
    try (DataLoader loader = new DataLoader(ds, LoaderOptions.training(2, 1, 9))) {
      assertEquals(2, loader.batchesPerEpoch());
      int[] a = loader.order(0);
      int[] sorted = a.clone();
      java.util.Arrays.sort(sorted);
      assertArrayEquals(new int[] {0, 1, 2, 3, 4}, sorted);
      boolean changed = false;
      for (int e = 1; e < 6; e++) {
        changed |= !java.util.Arrays.equals(a, loader.order(e));
      }
      assertTrue(changed);
      assertArrayEquals(a, loader.order(0));
    }
  }

  @Test
  void multiLabelTrainingTargetIsOneOfTheLabels() {
    VideoDataset ds = dataset(ClipSampling.single(2, true, false), false);
    java.util.Set<Integer> targets = new java.util.HashSet<>();
    for (int s = 0; s < 60; s++) {
      Sample sample = ds.load(4, new java.util.SplittableRandom(s));
      assertArrayEquals(new int[] {0, 1}, sample.labels());
      targets.add(sample.target());
    }
    assertEquals(java.util.Set.of(0, 1), targets);
  }

  @Test
  void twoViewsAreSampledIndependently() {
    VideoDataset ds = dataset(ClipSampling.twoView(2, 3, false), false);
    try (DataLoader loader = new DataLoader(ds, LoaderOptions.evaluation(5, 1)); DataLoader.Epoch e = loader.epoch(0);
        Batch b = e.next()) {
      assertEquals(2, b.viewCount());
      assertArrayEquals(new long[] {5, 6, 4, 6}, Tensors.shape(b.view(0)));
      assertArrayEquals(new long[] {5, 9, 4, 6}, Tensors.shape(b.view(1)));
      float[] focus = Tensors.toFloats(b.view(1));
      int[] centres = FrameSampler.evalIndices(20, 3);
      for (int t = 0; t < 3; t++) {
        assertEquals(10 + centres[t], red(focus[t * 3 * 24]));
      }
      assertFalse(e.hasNext());
    }
  }

  @Test
  void inTrainingEachViewGetsItsOwnRandomCrop() {
    List<VideoRecord> records = ListFileParser.parse(list, ListFormat.COMMA, 3);
    VideoDataset ds = new VideoDataset(records, VideoOpener.frameFolders(root, PNG), ClipSampling.twoView(2, 2, true),
        new MultiScaleCrop(8, new double[] {1, 0.5}, 1), Normalize.IMAGENET);
    int differed = 0;
    for (int s = 0; s < 20; s++) {
      Sample sample = ds.load(0, new java.util.SplittableRandom(s));
      float[] glanceGreen = java.util.Arrays.copyOfRange(sample.views()[0], 64, 128);
      float[] focusGreen = java.util.Arrays.copyOfRange(sample.views()[1], 64, 128);
      if (!java.util.Arrays.equals(glanceGreen, focusGreen)) {
        differed++;
      }
    }
    assertTrue(differed > 5, "glance and focus views were cropped alike in " + (20 - differed) + " of 20 clips");
  }

  @Test
  void badVideoFailsWithFileAndLineOrIsSkippedAndReported() throws IOException {
    Files.delete(root.resolve("vid 2").resolve(PNG.fileName(7)));
    VideoDataset ds = dataset(ClipSampling.single(20, false, false), false);
    try (DataLoader loader = new DataLoader(ds, LoaderOptions.evaluation(2, 2)); DataLoader.Epoch e = loader.epoch(0)) {
      DataFormatException err = assertThrows(DataFormatException.class, () -> {
        while (e.hasNext()) {
          e.next().close();
        }
      });
      assertEquals(list, err.file());
      assertEquals(3, err.line());
      assertTrue(err.getMessage().contains("img_00008.png is missing"), err.getMessage());
    }
    try (DataLoader loader = new DataLoader(ds, LoaderOptions.evaluation(2, 2).withBadVideos(BadVideoPolicy.SKIP));
        DataLoader.Epoch e = loader.epoch(0)) {
      List<Integer> sizes = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      while (e.hasNext()) {
        try (Batch b = e.next()) {
          sizes.add(b.size());
          ids.addAll(b.videoIds());
        }
      }
      assertEquals(List.of(2, 1, 1), sizes);
      assertFalse(ids.contains("vid 2"));
      assertEquals(1, loader.skipped().size());
      assertEquals("vid 2", loader.skipped().get(0).videoId());
      assertEquals(list + ":3", loader.skipped().get(0).where());
      assertEquals(4, loader.stats().clips());
      String report = SkippedVideo.summary(loader.skipped());
      assertTrue(report.startsWith("skipped 1 unreadable video:\n  vid 2 (" + list + ":3): frame file "), report);
      assertTrue(e.lastWaitSeconds() >= 0);
    }
  }

  @Test
  void batchClosesCleanlyInsideAndOutsideANativeScope() {
    VideoDataset ds = dataset(ClipSampling.single(2, false, false), false);
    Sample s = ds.load(0, new java.util.SplittableRandom(1));
    try (NativeScope scope = NativeScope.open()) {
      Batch b = Batch.of(List.of(s, s));
      assertEquals(2, b.size());
      b.close();
      assertThrows(IllegalStateException.class, b::frames);
    }
    try (Batch b = Batch.of(List.of(s))) {
      assertNotEquals(0, Tensors.toFloats(b.frames()).length);
    }
    Batch outlived;
    try (NativeScope scope = NativeScope.open()) {
      outlived = Batch.of(List.of(s));
    }
    outlived.close();
    assertThrows(IllegalStateException.class, outlived::targets);
  }

  @Test
  void videoFileListsLoadThroughTheSameDataset() throws Exception {
    Path videos = VideoFileSourceTest.resource("bframes.mp4").getParent();
    Path vlist = root.resolve("videos.txt");
    Files.writeString(vlist, "bframes.mp4 1\nvp9.webm 0 2\n");
    List<VideoRecord> records = ListFileParser.parse(vlist, ListFormat.VIDEO, 3);
    VideoDataset ds = new VideoDataset(records, VideoOpener.videoFiles(videos), ClipSampling.single(4, false, true),
        StandardTransforms.evaluation(16), Normalize.IMAGENET);
    try (DataLoader loader = new DataLoader(ds, LoaderOptions.evaluation(2, 1)); DataLoader.Epoch e = loader.epoch(0);
        Batch b = e.next()) {
      assertArrayEquals(new long[] {2, 12, 16, 16}, Tensors.shape(b.frames()));
      assertArrayEquals(new long[] {1, 0}, Tensors.toLongs(b.targets()));
    }
  }
}
