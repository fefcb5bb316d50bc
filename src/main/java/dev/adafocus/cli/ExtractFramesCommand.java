package dev.adafocus.cli;

import com.google.gson.JsonObject;
import dev.adafocus.data.BadVideoPolicy;
import dev.adafocus.data.FrameExtractor;
import dev.adafocus.data.FrameTemplate;
import dev.adafocus.data.ListFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adafocus data extract-frames}: the official frame-extraction recipe. */
@Command(
    name = "extract-frames",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = "Decode videos to JPEG frame folders as the official recipe does: every frame at the native rate, "
        + "height 360 keeping the aspect, one folder per video named after the file.",
    footer = {"%nExamples:",
        "  adafocus data extract-frames --videos raw/ --out frames/ --template image_%%05d.jpg",
        "  adafocus data extract-frames --video-list train.txt --video-root raw/ --out frames/ "
            + "--write-list train_split.txt --list-format comma"})
final class ExtractFramesCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--videos", paramLabel = "<dir>", description = "Folder of video files.")
    Path videos;

    @Option(names = "--video-list", paramLabel = "<file>",
        description = "MMAction2 list 'video_path label [label...]' (labels go into --write-list).")
    Path videoList;
  }

  @Option(names = "--video-root", paramLabel = "<dir>", description = "Root of the paths in --video-list.")
  Path videoRoot;

  @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
  Path out;

  @Option(names = "--template", defaultValue = "img_%05d.jpg", paramLabel = "<pattern>",
      converter = FrameTemplateConverter.class,
      description = "Frame file names, 1-based (ActivityNet/FCVID read image_%%05d.jpg).")
  FrameTemplate template;

  @Option(names = "--height", defaultValue = "360", description = "Frame height (0 keeps the native size).")
  int height;

  @Option(names = "--quality", defaultValue = "0.95", description = "JPEG quality, 0..1.")
  float quality;

  @Option(names = "--jobs", defaultValue = "1", description = "Videos decoded in parallel.")
  int jobs;

  @Option(names = "--skip-bad", description = "Report unreadable videos at the end instead of stopping.")
  boolean skipBad;

  @Option(names = "--write-list", paramLabel = "<file>",
      description = "Write a list of the extracted videos with their frame counts.")
  Path writeList;

  @Option(names = "--list-format", defaultValue = "COMMA", description = "Format of the --write-list file: COMMA or "
      + "SPACE.")
  ListFormat listFormat;

  @Option(names = "--num-classes", defaultValue = "0", description = "Reject labels >= this in --video-list (0: off).")
  int numClasses;

  @Option(names = "--json", description = "Print a JSON summary as the last line.")
  boolean json;

  @Override
  public Integer call() {
    if (listFormat == ListFormat.VIDEO) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--list-format must be COMMA or SPACE: --write-list writes a list of frame folders");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<FrameExtractor.Job> jobsList = input.videos != null ? FrameExtractor.videosIn(input.videos)
        : FrameExtractor.videosOf(input.videoList, videoRoot != null ? videoRoot : input.videoList.getParent(),
            numClasses);
    FrameExtractor.Options options = new FrameExtractor.Options(height, template, quality, jobs,
        skipBad ? BadVideoPolicy.SKIP : BadVideoPolicy.FAIL);
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
    List<FrameExtractor.Result> results = FrameExtractor.extract(jobsList, this.out, options,
        (done, total, r) -> bar.update(done, total, r.name()));
    if (writeList != null) {
      FrameExtractor.writeList(results, writeList, listFormat);
    }
    List<FrameExtractor.Result> failed = results.stream().filter(r -> !r.ok()).toList();
    long frames = results.stream().mapToLong(FrameExtractor.Result::frames).sum();
    long reused = results.stream().filter(FrameExtractor.Result::reused).count();
    out.printf("extracted %d videos (%d already there), %d frames, into %s%n", results.size() - failed.size(), reused,
        frames, this.out);
    if (!failed.isEmpty()) {
      out.printf("skipped %d unreadable videos:%n", failed.size());
      failed.forEach(r -> out.println("  " + r.error()));
    }
    if (json) {
      JsonObject o = new JsonObject();
      o.addProperty("videos", results.size() - failed.size());
      o.addProperty("reused", reused);
      o.addProperty("frames", frames);
      o.addProperty("skipped", failed.size());
      o.addProperty("out", this.out.toString());
      out.println(o);
    }
    return 0;
  }
}
