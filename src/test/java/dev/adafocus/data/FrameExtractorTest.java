package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.VideoDecodeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameExtractorTest {
  @TempDir Path dir;

  private Path videos() throws Exception {
    Path in = Files.createDirectories(dir.resolve("raw"));
    for (String clip : new String[] {"bframes.mp4", "vp9.webm"}) {
      Files.copy(VideoFileSourceTest.resource(clip), in.resolve(clip));
    }
    return in;
  }

  private static double meanDiff(RgbFrame a, RgbFrame b) {
    double diff = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      diff += Math.abs((a.rgb()[i] & 0xff) - (b.rgb()[i] & 0xff));
    }
    return diff / a.rgb().length;
  }

  private static FrameExtractor.Options options(BadVideoPolicy policy) {
    return new FrameExtractor.Options(16, FrameTemplate.IMAGE, 0.95f, 2, policy);
  }

  @Test
  void extractsEveryFrameScaledToTheHeightWithTheTemplate() throws Exception {
    Path out = dir.resolve("frames");
    List<int[]> progress = new ArrayList<>();
    List<FrameExtractor.Result> results = FrameExtractor.extract(FrameExtractor.videosIn(videos()), out,
        options(BadVideoPolicy.FAIL), (done, total, r) -> progress.add(new int[] {done, total}));
    assertEquals(2, results.size());
    assertEquals(List.of("bframes", "vp9"), results.stream().map(FrameExtractor.Result::name).toList());
    assertArrayEquals(new int[] {2, 2}, progress.get(1));
    for (FrameExtractor.Result r : results) {
      assertEquals(24, r.frames());
      assertEquals(24, FrameFolderSource.countFrames(out.resolve(r.name()), FrameTemplate.IMAGE));
    }
    RgbFrame first = ImageFiles.read(out.resolve("bframes").resolve("image_00001.jpg"));
    assertEquals(24, first.width());
    assertEquals(16, first.height());
    RgbFrame written = ImageFiles.read(out.resolve("bframes").resolve("image_00010.jpg"));
    try (VideoFileSource v = new VideoFileSource(VideoFileSourceTest.resource("bframes.mp4"), 24, 16)) {
      double own = meanDiff(v.frame(9), written);
      assertTrue(own < 16, "JPEG of frame 10 is far from the decode: " + own);
      assertTrue(meanDiff(v.frame(8), written) > own && meanDiff(v.frame(10), written) > own);
    }
    assertFalse(Files.exists(out.resolve("vp9.partial")));

    List<FrameExtractor.Result> again = FrameExtractor.extract(FrameExtractor.videosIn(dir.resolve("raw")), out,
        options(BadVideoPolicy.FAIL), (d, t, r) -> { });
    assertTrue(again.stream().allMatch(FrameExtractor.Result::reused));
    assertEquals(24, again.get(1).frames());
  }

  @Test
  void writesAListFromALabelledVideoList() throws Exception {
    Path raw = videos();
    Path vlist = dir.resolve("train.txt");
    Files.writeString(vlist, "bframes.mp4 3 1\nvp9.webm 2\n");
    List<FrameExtractor.Result> results = FrameExtractor.extract(FrameExtractor.videosOf(vlist, raw, 5),
        dir.resolve("f"), options(BadVideoPolicy.FAIL), (d, t, r) -> { });
    Path list = dir.resolve("train_split.txt");
    FrameExtractor.writeList(results, list, ListFormat.COMMA);
    assertEquals("bframes,24,1,3\nvp9,24,2\n", Files.readString(list));
    List<VideoRecord> parsed = ListFileParser.parse(list, ListFormat.COMMA, 5);
    assertEquals(24, parsed.get(1).numFrames());
    assertThrows(dev.adafocus.AdaFocusException.class, () -> FrameExtractor.writeList(results, list, ListFormat.SPACE));
  }

  @Test
  void corruptVideoStopsTheRunOrIsReported() throws Exception {
    Path raw = videos();
    Files.write(raw.resolve("broken.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    List<FrameExtractor.Job> jobs = FrameExtractor.videosIn(raw);
    VideoDecodeException e = assertThrows(VideoDecodeException.class,
        () -> FrameExtractor.extract(jobs, dir.resolve("a"), options(BadVideoPolicy.FAIL), (d, t, r) -> { }));
    assertTrue(e.getMessage().contains("broken.mp4"), e.getMessage());
    List<FrameExtractor.Result> results = FrameExtractor.extract(jobs, dir.resolve("b"), options(BadVideoPolicy.SKIP),
        (d, t, r) -> { });
    List<FrameExtractor.Result> failed = results.stream().filter(r -> !r.ok()).toList();
    assertEquals(1, failed.size());
    assertTrue(failed.get(0).error().contains("broken.mp4"), failed.get(0).error());
    assertFalse(Files.exists(dir.resolve("b").resolve("broken")));
    assertFalse(Files.exists(dir.resolve("b").resolve("broken.partial")));
  }

  @Test
  void emptyFolderIsAnError() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThrows(dev.adafocus.DataFormatException.class, () -> FrameExtractor.videosIn(empty));
  }

  /** A 6-frame MPEG-4 clip with its index at the front, cut to {@code keep} of its bytes (the index still says 6). */
  private Path truncatedClip(Path folder, double keep) throws Exception {
    Path mp4 = folder.resolve("cut.mp4");
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(mp4.toFile(), 64, 48, 0);
        Frame frame = new Frame(64, 48, Frame.DEPTH_UBYTE, 3)) {
      rec.setFormat("mp4");
      rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      rec.setFrameRate(8);
      rec.setGopSize(1);
      rec.setOption("movflags", "+faststart");
      rec.start();
      Random random = new Random(3);
      byte[] noise = new byte[64 * 48 * 3];
      for (int k = 0; k < 6; k++) {
        random.nextBytes(noise);
        ((ByteBuffer) frame.image[0]).rewind().put(noise).rewind();
        rec.record(frame, avutil.AV_PIX_FMT_RGB24);
      }
      rec.stop();
    }
    byte[] all = Files.readAllBytes(mp4);
    Files.write(mp4, Arrays.copyOf(all, (int) (all.length * keep)));
    return mp4;
  }

  @Test
  void videoThatEndsBeforeItsAnnouncedFramesIsAnErrorOrReported() throws Exception {
    Path raw = Files.createDirectories(dir.resolve("raw"));
    Path cut = truncatedClip(raw, 0.6);
    try (VideoFileSource v = new VideoFileSource(cut)) {
      assertEquals(6, v.frameCount());
    }
    List<FrameExtractor.Job> jobs = FrameExtractor.videosIn(raw);
    VideoDecodeException e = assertThrows(VideoDecodeException.class,
        () -> FrameExtractor.extract(jobs, dir.resolve("a"), options(BadVideoPolicy.FAIL), (d, t, r) -> { }));
    assertTrue(e.getMessage().startsWith(cut + ": the video ended after") && e.getMessage().contains("announced 6"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("a").resolve("cut")));
    List<FrameExtractor.Result> results = FrameExtractor.extract(jobs, dir.resolve("b"), options(BadVideoPolicy.SKIP),
        (d, t, r) -> { });
    assertFalse(results.get(0).ok());
    assertFalse(Files.exists(dir.resolve("b").resolve("cut")));
    Path list = dir.resolve("list.txt");
    FrameExtractor.writeList(results, list, ListFormat.SPACE);
    assertEquals("", Files.readString(list));
  }
}
