package dev.adafocus.data.synthetic;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.adafocus.AdaFocusException;
import dev.adafocus.data.ImageFiles;
import dev.adafocus.data.RgbFrame;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes a {@link SyntheticBenchmark} to disk as H.264 mp4 files and/or frame folders, with list files in the
 * official formats, so the file-reading path can be exercised end to end. Layout under the output folder:
 * <pre>
 * benchmark.json                 the configuration (regenerates the same clips)
 * classInd.txt, label_map.txt    "0,zero" lines (AR-Net style) and one class name per line (MMAction2 style)
 * videos/train/train_00000.mp4   train_videos.txt, val_videos.txt: "videos/train/train_00000.mp4 LABEL"
 * frames/train/train_00000/img_00001.jpg   train_frames.txt, val_frames.txt: "frames/train/train_00000 T LABEL"
 * train_boxes.jsonl, val_boxes.jsonl   per clip: path stem, label, ground-truth box [x, y, w, h] per frame
 * </pre>
 */
public final class BenchmarkWriter {
  /** Frames per second stored in the mp4 files. */
  public static final int FPS = 8;
  /** JPEG quality of frame folders (as in the usual frame-extraction recipes). */
  public static final float JPEG_QUALITY = 0.95f;
  /** What to write for each clip. */
  public enum Output {
    /** One H.264 mp4 file per clip. */
    VIDEOS,
    /** One folder of numbered images per clip. */
    FRAMES
  }

  /** Image file format of frame folders. */
  public enum ImageFormat {
    /** {@code img_%05d.jpg}, quality 95 (lossy, 4:2:0). */
    JPG,
    /** {@code img_%05d.png} (lossless). */
    PNG
  }

  /** What was written: clip counts, the list files, and the H.264 encoder used (null without videos). */
  public record Summary(Path root, int trainClips, int valClips, List<Path> listFiles, String videoCodec) {}

  private final SyntheticBenchmark config;
  private final Set<Output> outputs;
  private final ImageFormat imageFormat;
  private final Consumer<String> progress;
  private String videoCodec;

  /** A writer of {@code config} that reports progress lines to {@code progress}. */
  public BenchmarkWriter(SyntheticBenchmark config, Set<Output> outputs, ImageFormat imageFormat,
      Consumer<String> progress) {
    if (outputs.isEmpty()) {
      throw new AdaFocusException("nothing to write: choose videos, frames or both");
    }
    this.config = config;
    this.outputs = EnumSet.copyOf(outputs);
    this.imageFormat = imageFormat;
    this.progress = progress;
  }

  /**
   * Writes every clip of both splits under {@code root} (created if missing). Existing files of the same names are
   * replaced, and a list file of an output not chosen this time is removed so no list describes an older run.
   */
  public Summary write(Path root) throws IOException {
    Files.createDirectories(root);
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    BenchmarkGenerator generator = new BenchmarkGenerator(config);
    writeText(root.resolve("benchmark.json"), new GsonBuilder().setPrettyPrinting().create().toJson(config) + "\n");
    StringBuilder classInd = new StringBuilder();
    StringBuilder labelMap = new StringBuilder();
    for (int c = 0; c < config.numClasses(); c++) {
      String name = config.label().className(c, config.numClasses());
      classInd.append(c).append(',').append(name).append('\n');
      labelMap.append(name).append('\n');
    }
    writeText(root.resolve("classInd.txt"), classInd.toString());
    writeText(root.resolve("label_map.txt"), labelMap.toString());
    List<Path> lists = new ArrayList<>();
    for (Split split : Split.values()) {
      lists.addAll(writeSplit(root, generator, split));
    }
    return new Summary(root, config.trainClips(), config.valClips(), lists, videoCodec);
  }

  private List<Path> writeSplit(Path root, BenchmarkGenerator generator, Split split) throws IOException {
    String name = split.fileName();
    int n = generator.size(split);
    Path videoList = root.resolve(name + "_videos.txt");
    Path frameList = root.resolve(name + "_frames.txt");
    Path boxList = root.resolve(name + "_boxes.jsonl");
    if (!outputs.contains(Output.VIDEOS)) {
      Files.deleteIfExists(videoList);
    }
    if (!outputs.contains(Output.FRAMES)) {
      Files.deleteIfExists(frameList);
    }
    Gson gson = new Gson();
    try (Writer videos = outputs.contains(Output.VIDEOS) ? Files.newBufferedWriter(videoList) : Writer.nullWriter();
        Writer frames = outputs.contains(Output.FRAMES) ? Files.newBufferedWriter(frameList) : Writer.nullWriter();
        Writer boxes = Files.newBufferedWriter(boxList)) {
      for (int i = 0; i < n; i++) {
        SyntheticClip clip = generator.clip(split, i);
        String stem = String.format("%s_%05d", name, i);
        if (outputs.contains(Output.VIDEOS)) {
          String rel = "videos/" + name + "/" + stem + ".mp4";
          writeVideo(root.resolve(rel), clip);
          videos.write(rel + " " + clip.label() + "\n");
        }
        if (outputs.contains(Output.FRAMES)) {
          String rel = "frames/" + name + "/" + stem;
          writeFrames(root.resolve(rel), clip);
          frames.write(rel + " " + clip.frameCount() + " " + clip.label() + "\n");
        }
        boxes.write(gson.toJson(boxRecord(stem, clip)) + "\n");
        if ((i + 1) % Math.max(1, n / 10) == 0 || i + 1 == n) {
          progress.accept(String.format("make-benchmark: %s %d/%d clips", name, i + 1, n));
        }
      }
    }
    List<Path> written = new ArrayList<>();
    if (outputs.contains(Output.VIDEOS)) {
      written.add(videoList);
    }
    if (outputs.contains(Output.FRAMES)) {
      written.add(frameList);
    }
    written.add(boxList);
    return written;
  }

  private static JsonObject boxRecord(String stem, SyntheticClip clip) {
    JsonObject o = new JsonObject();
    o.addProperty("clip", stem);
    o.addProperty("label", clip.label());
    JsonArray boxes = new JsonArray();
    for (int t = 0; t < clip.frameCount(); t++) {
      ObjectBox b = clip.box(t);
      JsonArray box = new JsonArray();
      box.add(b.x());
      box.add(b.y());
      box.add(b.width());
      box.add(b.height());
      boxes.add(box);
    }
    o.add("boxes", boxes);
    return o;
  }

  private void writeVideo(Path file, SyntheticClip clip) throws IOException {
    Files.createDirectories(file.getParent());
    int w = clip.width();
    int h = clip.height();
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
        Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3)) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(FPS);
      recorder.setGopSize(clip.frameCount());
      recorder.setVideoBitrate(w * h * FPS * 4);
      recorder.setVideoCodecName(h264Encoder(file));
      recorder.start();
      ByteBuffer pixels = (ByteBuffer) frame.image[0];
      for (int t = 0; t < clip.frameCount(); t++) {
        byte[] rgb = clip.frame(t).rgb();
        for (int y = 0; y < h; y++) {
          pixels.position(y * frame.imageStride);
          pixels.put(rgb, y * w * 3, w * 3);
        }
        pixels.rewind();
        recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
      }
      recorder.stop();
    } catch (FrameRecorder.Exception e) {
      throw new IOException(file + ": cannot encode the clip: " + e.getMessage(), e);
    }
  }

  /** Name of the H.264 encoder this FFmpeg build has (libopenh264 in the LGPL build). */
  private String h264Encoder(Path file) {
    if (videoCodec == null) {
      AVCodec encoder = avcodec.avcodec_find_encoder(avcodec.AV_CODEC_ID_H264);
      if (encoder == null) {
        throw new AdaFocusException(file + ": this FFmpeg build has no H.264 encoder; write frame folders instead "
            + "(--format frames)");
      }
      videoCodec = encoder.name().getString();
    }
    return videoCodec;
  }

  private void writeFrames(Path dir, SyntheticClip clip) throws IOException {
    Files.createDirectories(dir);
    for (int t = 0; t < clip.frameCount(); t++) {
      RgbFrame frame = clip.frame(t);
      String file = String.format("img_%05d.%s", t + 1, imageFormat == ImageFormat.JPG ? "jpg" : "png");
      if (imageFormat == ImageFormat.PNG) {
        ImageIO.write(ImageFiles.toImage(frame), "png", dir.resolve(file).toFile());
      } else {
        ImageFiles.writeJpeg(frame, dir.resolve(file), JPEG_QUALITY);
      }
    }
  }

  private static void writeText(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
