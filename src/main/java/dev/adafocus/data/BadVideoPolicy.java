package dev.adafocus.data;

/** What the loader does with a video it cannot read. */
public enum BadVideoPolicy {
  /** Stop with the error (file and line). */
  FAIL,
  /** Leave the video out of its batch (the batch gets smaller) and report it at the end; nothing is substituted. */
  SKIP
}
