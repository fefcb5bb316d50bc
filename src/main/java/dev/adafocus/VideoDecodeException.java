package dev.adafocus;

import java.nio.file.Path;

/** A video file that cannot be opened or decoded (names the file and, where known, the frame). */
public class VideoDecodeException extends AdaFocusException {
  public VideoDecodeException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
  }
}
