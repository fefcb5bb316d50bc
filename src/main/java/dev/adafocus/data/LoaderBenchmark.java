package dev.adafocus.data;

import dev.adafocus.AdaFocusException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Measures loader throughput (clips/s, data_time) and writes a small clip set to measure it on. */
public final class LoaderBenchmark {
  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private LoaderBenchmark() {}

  /** Where {@link #writeSampleClips} put the same clips as frame folders and as video files; close deletes them. */
  public record SampleClips(Path dir, Path frameRoot, Path frameList, Path videoRoot, Path videoList)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        FileTrees.delete(dir);
      } catch (IOException e) {
        throw new AdaFocusException("cannot remove the sample clips in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  /** The throughput of a run and the videos it left out. */
  public record Result(LoaderStats stats, List<SkippedVideo> skipped) {}

  /**
   * Runs {@code dataset} through a loader for at most {@code maxBatches} batches (0: one epoch), closing each batch
   * as a consumer would.
   */
  public static Result run(VideoDataset dataset, LoaderOptions options, int maxBatches) {
    try (DataLoader loader = new DataLoader(dataset, options); DataLoader.Epoch epoch = loader.epoch(0)) {
      int n = 0;
      while ((maxBatches <= 0 || n < maxBatches) && epoch.hasNext()) {
        epoch.next().close();
        n++;
      }
      return new Result(loader.stats(), loader.skipped());
    }
  }

  /**
   * Writes {@code videos} clips of {@code frames} frames of width×height (a moving colour pattern) twice: as JPEG
   * folders ({@code img_%05d.jpg}) with a space-format list, and as H.264 MP4 files with an MMAction2 list.
   */
  public static SampleClips writeSampleClips(Path dir, int videos, int frames, int width, int height) {
    try {
      Path frameRoot = Files.createDirectories(dir.resolve("frames"));
      Path videoRoot = Files.createDirectories(dir.resolve("videos"));
      StringBuilder frameList = new StringBuilder();
      StringBuilder videoList = new StringBuilder();
      for (int v = 0; v < videos; v++) {
        String name = String.format("clip_%03d", v);
        Path folder = Files.createDirectories(frameRoot.resolve(name));
        Path mp4 = videoRoot.resolve(name + ".mp4");
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(mp4.toFile(), width, height, 0);
            Frame buffer = new Frame(width, height, Frame.DEPTH_UBYTE, 3)) {
          rec.setFormat("mp4");
          rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
          rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
          rec.setFrameRate(25);
          rec.setGopSize(25);
          rec.start();
          for (int k = 0; k < frames; k++) {
            RgbFrame f = pattern(width, height, v, k);
            ImageFiles.writeJpeg(f, folder.resolve(FrameTemplate.IMG.fileName(k)), 0.9f);
            rec.record(fill(buffer, f), avutil.AV_PIX_FMT_RGB24);
          }
        }
        frameList.append(name).append(' ').append(frames).append(' ').append(v % 10).append('\n');
        videoList.append(name).append(".mp4 ").append(v % 10).append('\n');
      }
      Path fl = dir.resolve("frames.txt");
      Path vl = dir.resolve("videos.txt");
      Files.writeString(fl, frameList.toString());
      Files.writeString(vl, videoList.toString());
      return new SampleClips(dir, frameRoot, fl, videoRoot, vl);
    } catch (IOException e) {
      throw new AdaFocusException("cannot write sample clips to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static RgbFrame pattern(int w, int h, int video, int k) {
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        rgb[i] = (byte) (x + 3 * k + 17 * video);
        rgb[i + 1] = (byte) (y - 2 * k);
        rgb[i + 2] = (byte) (((x / 16 + y / 16 + k / 4) & 1) * 200);
      }
    }
    return new RgbFrame(w, h, rgb);
  }

  private static Frame fill(Frame out, RgbFrame f) {
    ByteBuffer buf = (ByteBuffer) out.image[0];
    int row = f.width() * 3;
    for (int y = 0; y < f.height(); y++) {
      buf.position(y * out.imageStride);
      buf.put(f.rgb(), y * row, row);
    }
    buf.rewind();
    return out;
  }
}
