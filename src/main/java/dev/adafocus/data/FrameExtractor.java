package dev.adafocus.data;

import dev.adafocus.AdaFocusException;
import dev.adafocus.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The official frame-extraction recipe ({@code ffmpeg -i VIDEO -vf scale=-1:360 DST/<name>/img_%05d.jpg}): every
 * frame at the native rate, scaled to a fixed height keeping the aspect (bicubic), as numbered JPEGs from 1 in one
 * folder per video named after the file without its extension. Each folder is written under a temporary name and
 * renamed when complete, so an existing folder is a finished one and is not redone.
 */
public final class FrameExtractor {
  /** File name endings taken as videos when a folder is given. */
  public static final List<String> VIDEO_EXTENSIONS = List.of(".mp4", ".webm", ".avi", ".mkv", ".mov", ".m4v",
      ".mpg", ".mpeg", ".flv", ".wmv", ".3gp", ".ogv");

  /** Settings: output height (0 keeps the native size), file template, JPEG quality, parallel jobs, bad-video policy. */
  public record Options(int height, FrameTemplate template, float quality, int jobs, BadVideoPolicy badVideos) {
    public Options {
      if (height < 0 || quality <= 0 || quality > 1 || jobs < 1) {
        throw new IllegalArgumentException("need height >= 0, 0 < quality <= 1 and jobs >= 1");
      }
    }
  }

  /** One video to extract, with its labels when it came from a labelled list (else an empty array). */
  public record Job(Path video, int[] labels) {}

  /** The outcome for one video: its folder name and frame count, or the error that stopped it. */
  public record Result(Path video, String name, int frames, int[] labels, boolean reused, String error) {
    /** True when the folder holds the video's frames. */
    public boolean ok() {
      return error == null;
    }
  }

  /** Receives progress after each video. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total, Result last);
  }

  private FrameExtractor() {}

  /** The video files directly inside {@code dir}, sorted by name. */
  public static List<Job> videosIn(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      List<Job> jobs = s.filter(Files::isRegularFile)
          .filter(p -> VIDEO_EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString().toLowerCase().endsWith(e)))
          .sorted(Comparator.comparing(Path::toString))
          .map(p -> new Job(p, new int[0]))
          .toList();
      if (jobs.isEmpty()) {
        throw new DataFormatException(dir, 0, "no video files (" + String.join(" ", VIDEO_EXTENSIONS) + ") in the folder");
      }
      return jobs;
    } catch (IOException e) {
      throw new DataFormatException(dir, 0, "cannot list the folder: " + e.getMessage());
    }
  }

  /** The videos of an MMAction2 list ({@code video_path label [label…]}) under {@code root}, with their labels. */
  public static List<Job> videosOf(Path list, Path root, int numClasses) {
    return ListFileParser.parse(list, ListFormat.VIDEO, numClasses).stream()
        .map(r -> new Job(root.resolve(r.path()), r.labels()))
        .toList();
  }

  /** The folder name of a video: its file name without the extension. */
  public static String folderName(Path video) {
    String n = video.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /**
   * Extracts every job into {@code outDir}. Under {@link BadVideoPolicy#FAIL} the first unreadable video stops the
   * run with its error; under SKIP it is reported in its {@link Result}.
   */
  public static List<Result> extract(List<Job> jobs, Path outDir, Options options, Progress progress) {
    Map<String, Path> names = new HashMap<>();
    for (Job j : jobs) {
      Path other = names.put(folderName(j.video()), j.video());
      if (other != null) {
        throw new AdaFocusException("two videos map to the frame folder \"" + folderName(j.video()) + "\": " + other
            + " and " + j.video());
      }
    }
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new AdaFocusException("cannot create " + outDir + ": " + e.getMessage(), e);
    }
    ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
    try {
      List<Future<Result>> futures = new ArrayList<>();
      AtomicInteger done = new AtomicInteger();
      for (Job j : jobs) {
        futures.add(pool.submit(() -> {
          Result r = extractOne(j, outDir, options);
          synchronized (progress) {
            progress.update(done.incrementAndGet(), jobs.size(), r);
          }
          return r;
        }));
      }
      List<Result> results = new ArrayList<>();
      for (Future<Result> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Result extractOne(Job job, Path outDir, Options options) {
    String name = folderName(job.video());
    Path dest = outDir.resolve(name);
    if (Files.isDirectory(dest)) {
      return new Result(job.video(), name, FrameFolderSource.countFrames(dest, options.template()), job.labels(), true,
          null);
    }
    Path partial = outDir.resolve(name + ".partial");
    try {
      FileTrees.delete(partial);
      Files.createDirectories(partial);
      int frames;
      int[] size = outputSize(job.video(), options.height());
      try (VideoFileSource source = new VideoFileSource(job.video(), size[0], size[1])) {
        AtomicInteger k = new AtomicInteger();
        frames = source.decodeAll(f -> {
          try {
            ImageFiles.writeJpeg(f, partial.resolve(options.template().fileName(k.getAndIncrement())),
                options.quality());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
      Files.move(partial, dest);
      return new Result(job.video(), name, frames, job.labels(), false, null);
    } catch (AdaFocusException e) {
      deleteQuietly(partial);
      if (options.badVideos() == BadVideoPolicy.FAIL) {
        throw e;
      }
      return new Result(job.video(), name, 0, job.labels(), false, e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(partial);
      throw new AdaFocusException("cannot write the frames of " + job.video() + " to " + partial + ": "
          + e.getMessage(), e);
    }
  }

  /** The scaled size: the given height and width round(height·W/H), as FFmpeg's {@code scale=-1:height}. */
  static int[] outputSize(Path video, int height) {
    if (height == 0) {
      return new int[] {0, 0};
    }
    try (VideoFileSource probe = new VideoFileSource(video)) {
      return new int[] {(int) Math.round((double) height * probe.width() / probe.height()), height};
    }
  }

  /**
   * Writes a list of the extracted videos: labelled ones in the official {@code format}
   * ({@link ListFormat#COMMA} or {@link ListFormat#SPACE}), unlabelled ones as {@code name num_frames} lines.
   * Failed videos are left out.
   */
  public static void writeList(List<Result> results, Path list, ListFormat format) {
    if (format == ListFormat.VIDEO) {
      throw new IllegalArgumentException("a frame list is COMMA or SPACE");
    }
    StringBuilder sb = new StringBuilder();
    for (Result r : results) {
      if (!r.ok()) {
        continue;
      }
      if (r.labels().length == 0) {
        sb.append(r.name()).append(' ').append(r.frames());
      } else if (format == ListFormat.COMMA) {
        sb.append(r.name()).append(',').append(r.frames());
        for (int l : r.labels()) {
          sb.append(',').append(l);
        }
      } else {
        if (r.labels().length > 1) {
          throw new AdaFocusException(r.video() + " has " + r.labels().length
              + " labels; the space format holds one, use the comma format");
        }
        sb.append(r.name()).append(' ').append(r.frames()).append(' ').append(r.labels()[0]);
      }
      sb.append('\n');
    }
    try {
      Path tmp = list.resolveSibling(list.getFileName() + ".tmp");
      Files.writeString(tmp, sb.toString());
      Files.move(tmp, list, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new AdaFocusException("cannot write " + list + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      // the partial folder is renamed away or removed on the next run
    }
  }
}
