package dev.adafocus.data;

import java.nio.file.Path;

/** Opens the {@link VideoSource} of a list entry: a frame folder, a video file, or a generated clip. */
@FunctionalInterface
public interface VideoOpener {
  /** The source of {@code record}; the caller closes it. */
  VideoSource open(VideoRecord record);

  /** Frame folders {@code root/<path>/} named by {@code template}, with the frame count of the list. */
  static VideoOpener frameFolders(Path root, FrameTemplate template) {
    return r -> FrameFolderSource.of(root, r, template);
  }

  /** Video files {@code root/<path>}, decoded with FFmpeg; the frame count comes from the file. */
  static VideoOpener videoFiles(Path root) {
    return r -> new VideoFileSource(root.resolve(r.path()));
  }

  /** Video files for the {@link ListFormat#VIDEO} format, frame folders named by {@code template} otherwise. */
  static VideoOpener of(ListFormat format, Path root, FrameTemplate template) {
    return format == ListFormat.VIDEO ? videoFiles(root) : frameFolders(root, template);
  }
}
