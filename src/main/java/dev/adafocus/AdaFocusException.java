package dev.adafocus;

/** Base of the errors caused by the user's input (data, checkpoint, video, config); the CLI reports them without a stack trace. */
public class AdaFocusException extends RuntimeException {
  public AdaFocusException(String message) {
    super(message);
  }

  public AdaFocusException(String message, Throwable cause) {
    super(message, cause);
  }
}
