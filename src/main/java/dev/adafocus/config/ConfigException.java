package dev.adafocus.config;

import dev.adafocus.AdaFocusException;

/** A config file or override that cannot be used; the message names the file (or flag) and the key. */
public class ConfigException extends AdaFocusException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
