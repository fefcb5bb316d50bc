package dev.adafocus.models.adafocus;

/** Where the focus patches come from: the learned policy, uniform random locations, or the frame centre. */
public enum PatchPolicy {
  /** The policy network's locations (the model as trained). */
  LEARNED,
  /** One uniform random location per frame (the training-time diversity branch; a baseline at inference). */
  RANDOM,
  /** The centre of the frame (a baseline). */
  CENTRE
}
