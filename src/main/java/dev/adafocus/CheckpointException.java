package dev.adafocus;

/** A checkpoint that cannot be read or does not fit the model (names the file and, where known, the key). */
public class CheckpointException extends AdaFocusException {
  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
