package dev.adafocus.data;

/** The list-file layouts of the official code bases and of MMAction2. */
public enum ListFormat {
  /** ActivityNet/FCVID: {@code video_id,num_frames,label[,label…]}, comma-separated, one or more labels. */
  COMMA("video_id,num_frames,label[,label...]"),
  /** Mini-Kinetics/Sth-Sth/Jester (TSM): {@code path num_frames label}; the path may contain spaces. */
  SPACE("path num_frames label"),
  /** MMAction2 raw videos: {@code video_path label [label…]}; the frame count comes from the video. */
  VIDEO("video_path label [label...]");

  private final String layout;

  ListFormat(String layout) {
    this.layout = layout;
  }

  /** The line layout, as shown in error messages. */
  public String layout() {
    return layout;
  }
}
