package dev.adafocus.data.synthetic;

import java.util.Locale;

/**
 * What the class of a built-in benchmark clip is: the target's digit (the default: appearance decides), or the
 * direction it moves in (motion decides: the digit shown is random, so no single frame tells the class).
 */
public enum LabelRule {
  /** Class k: the target shows digit k. */
  DIGIT,
  /**
   * Class k of C: the target moves in a straight line, without bouncing, with velocity direction
   * (cos 2πk/C, sin 2πk/C) in image coordinates (y down): for 4 classes right, down, left, up.
   */
  DIRECTION;

  private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
  private static final String[] COMPASS = {"right", "down-right", "down", "down-left", "left", "up-left", "up", "up-right"};

  /** The name of class {@code c} of {@code numClasses} (for label maps). */
  public String className(int c, int numClasses) {
    if (this == DIGIT) {
      return DIGITS[c];
    }
    return COMPASS.length % numClasses == 0 ? COMPASS[c * COMPASS.length / numClasses]
        : "direction_" + Math.round(360.0 * c / numClasses) + "deg";
  }

  /** The config spelling ({@code digit}, {@code direction}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
