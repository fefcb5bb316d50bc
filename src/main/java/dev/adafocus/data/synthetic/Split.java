package dev.adafocus.data.synthetic;

/** A split of the built-in benchmark; train and val draw their digits from disjoint MNIST images. */
public enum Split {
  TRAIN,
  VAL;

  /** Lower-case name used in file and folder names ({@code train}, {@code val}). */
  public String fileName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
