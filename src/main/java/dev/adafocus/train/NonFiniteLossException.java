package dev.adafocus.train;

import dev.adafocus.AdaFocusException;

/** A NaN or infinite training loss: the run stops before the bad gradients reach the weights. */
public class NonFiniteLossException extends AdaFocusException {
  public NonFiniteLossException(String message) {
    super(message);
  }
}
