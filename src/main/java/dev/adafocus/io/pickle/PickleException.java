package dev.adafocus.io.pickle;

/** A pickle stream that is malformed, truncated or holds something outside the caller's whitelist. */
public class PickleException extends RuntimeException {
  public PickleException(String message) {
    super(message);
  }
}
