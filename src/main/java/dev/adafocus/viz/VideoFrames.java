package dev.adafocus.viz;

import dev.adafocus.VideoDecodeException;
import dev.adafocus.data.RgbFrame;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Decodes every frame of a short video file (e.g. a written animation) into RGB frames, through FFmpeg. */
public final class VideoFrames {
  private VideoFrames() {}

  /**
   * All frames of {@code file}, in order.
   *
   * @throws VideoDecodeException naming the file when it is missing, not a video, corrupt, or has no frames
   */
  public static List<RgbFrame> readAll(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new VideoDecodeException(file, "no such video file", null);
    }
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    List<RgbFrame> frames = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
      try {
        grabber.start();
      } catch (FrameGrabber.Exception e) {
        throw new VideoDecodeException(file, "cannot open as a video (corrupt or unsupported format): "
            + e.getMessage(), e);
      }
      if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
        throw new VideoDecodeException(file, "contains no video stream", null);
      }
      Frame frame;
      while ((frame = grabFrame(grabber, file, frames.size())) != null) {
        frames.add(copy(frame));
      }
    } catch (FrameGrabber.Exception e) {
      throw new VideoDecodeException(file, "cannot close the decoder: " + e.getMessage(), e);
    }
    if (frames.isEmpty()) {
      throw new VideoDecodeException(file, "no frame could be decoded", null);
    }
    return frames;
  }

  private static Frame grabFrame(FFmpegFrameGrabber grabber, Path file, int index) {
    try {
      return grabber.grabImage();
    } catch (FrameGrabber.Exception e) {
      throw new VideoDecodeException(file, "decoding failed at frame " + index + ": " + e.getMessage(), e);
    }
  }

  /** Copies a grabbed RGB24 frame out of the grabber's reused buffer. */
  private static RgbFrame copy(Frame frame) {
    int w = frame.imageWidth;
    int h = frame.imageHeight;
    ByteBuffer buf = (ByteBuffer) frame.image[0];
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      buf.position(y * frame.imageStride);
      buf.get(rgb, y * w * 3, w * 3);
    }
    buf.rewind();
    return new RgbFrame(w, h, rgb);
  }
}
