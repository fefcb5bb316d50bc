package dev.adafocus.data;

import dev.adafocus.VideoDecodeException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A video file decoded with FFmpeg (H.264, VP8/VP9, MPEG-4, …). Frame i is the i-th frame in presentation order;
 * nearby later frames are reached by decoding forward, others by a key-frame seek and decoding forward, so
 * indices are exact. Use from one thread at a time; close it to free the decoder.
 */
public final class VideoFileSource implements VideoSource {
  /** Decode forward instead of seeking when the wanted frame is at most this many frames ahead. */
  private static final int MAX_FORWARD_DECODE = 96;

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private final Path file;
  private final FFmpegFrameGrabber grabber;
  private final int frameCount;
  private final int width;
  private final int height;
  /** The index of the frame the next decode returns; -1 when unknown (after counting packets). */
  private int position;
  private boolean closed;

  /** Opens {@code file} at its native size. */
  public VideoFileSource(Path file) {
    this(file, 0, 0);
  }

  /**
   * Opens {@code file}, scaling frames to {@code outWidth}×{@code outHeight} with FFmpeg's bicubic scaler (0, 0 keeps
   * the native size).
   */
  public VideoFileSource(Path file, int outWidth, int outHeight) {
    this.file = file;
    if (!Files.isRegularFile(file)) {
      throw new VideoDecodeException(file, "no such video file", null);
    }
    grabber = new FFmpegFrameGrabber(file.toFile());
    grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
    if (outWidth > 0 && outHeight > 0) {
      grabber.setImageWidth(outWidth);
      grabber.setImageHeight(outHeight);
      grabber.setImageScalingFlags(swscale.SWS_BICUBIC);
    }
    try {
      grabber.start();
      if (grabber.hasVideo() && grabber.getImageWidth() > 0) {
        width = grabber.getImageWidth();
        height = grabber.getImageHeight();
        frameCount = countFrames();
      } else {
        throw new VideoDecodeException(file, "the file has no video stream", null);
      }
    } catch (FrameGrabber.Exception | RuntimeException e) {
      releaseQuietly();
      if (e instanceof VideoDecodeException v) {
        throw v;
      }
      throw new VideoDecodeException(file, "cannot open the video (corrupt or unsupported): " + e.getMessage(), e);
    }
    if (frameCount < 1) {
      releaseQuietly();
      throw new VideoDecodeException(file, "the video has no frames", null);
    }
  }

  /** The number of frames: the container's count when it stores one (MP4, AVI), else the video packets counted. */
  private int countFrames() throws FrameGrabber.Exception {
    AVFormatContext fc = grabber.getFormatContext();
    int videoIndex = -1;
    for (int i = 0; i < fc.nb_streams(); i++) {
      AVStream st = fc.streams(i);
      if (st.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
        if (st.nb_frames() > 0) {
          position = 0;
          return Math.toIntExact(st.nb_frames());
        }
        videoIndex = i;
        break;
      }
    }
    int n = 0;
    for (AVPacket p = grabber.grabPacket(); p != null; p = grabber.grabPacket()) {
      if (p.stream_index() == videoIndex) {
        n++;
      }
    }
    position = -1;
    return n;
  }

  @Override
  public int frameCount() {
    return frameCount;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public synchronized RgbFrame frame(int index) {
    if (closed) {
      throw new IllegalStateException("video source already closed: " + file);
    }
    if (index < 0 || index >= frameCount) {
      throw new IndexOutOfBoundsException("frame " + index + " of " + frameCount + " in " + file);
    }
    try {
      if (position < 0 || index < position || index - position > MAX_FORWARD_DECODE) {
        grabber.setVideoFrameNumber(index);
        position = index;
      }
      while (position < index) {
        if (grabber.grabFrame(false, true, false, false) == null) {
          throw ended(index);
        }
        position++;
      }
      Frame f = grabber.grabImage();
      if (f == null || f.image == null) {
        throw ended(index);
      }
      position++;
      return copy(f);
    } catch (FrameGrabber.Exception e) {
      throw new VideoDecodeException(file, "cannot decode frame " + index + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes every frame from the first to the end of the stream, in order, handing each to {@code sink}; returns
   * the number of frames decoded (more than {@link #frameCount()} for files with a wrong header). A stream that
   * ends before {@link #frameCount()} frames is an error, as it is for {@link #frame(int)}.
   */
  public synchronized int decodeAll(Consumer<RgbFrame> sink) {
    if (closed) {
      throw new IllegalStateException("video source already closed: " + file);
    }
    try {
      if (position != 0) {
        grabber.setVideoFrameNumber(0);
        position = 0;
      }
      int n = 0;
      for (Frame f = grabber.grabImage(); f != null; f = grabber.grabImage()) {
        if (f.image != null) {
          sink.accept(copy(f));
          n++;
          position++;
        }
      }
      position = -1;
      if (n < frameCount) {
        throw new VideoDecodeException(file, "the video ended after " + n + " frames (the container announced "
            + frameCount + " frames; the file may be truncated)", null);
      }
      return n;
    } catch (FrameGrabber.Exception e) {
      throw new VideoDecodeException(file, "cannot decode: " + e.getMessage(), e);
    }
  }

  private VideoDecodeException ended(int index) {
    return new VideoDecodeException(file, "the video ended before frame " + index + " (the container announced "
        + frameCount + " frames; the file may be truncated)", null);
  }

  private RgbFrame copy(Frame f) {
    if (f.imageWidth != width || f.imageHeight != height || f.imageStride < width * 3) {
      throw new VideoDecodeException(file, "decoder returned a " + f.imageWidth + "x" + f.imageHeight
          + " frame with row stride " + f.imageStride + ", expected " + width + "x" + height + " RGB", null);
    }
    ByteBuffer buf = ((ByteBuffer) f.image[0]).duplicate();
    byte[] rgb = new byte[width * height * 3];
    int row = width * 3;
    for (int y = 0; y < height; y++) {
      buf.position(y * f.imageStride);
      buf.get(rgb, y * row, row);
    }
    return new RgbFrame(width, height, rgb);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      releaseQuietly();
    }
  }

  private void releaseQuietly() {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception e) {
      // closing a decoder that failed to open has nothing left to free
    }
  }
}
