package dev.adafocus.cli;

import com.google.gson.JsonObject;
import dev.adafocus.AdaFocusException;
import dev.adafocus.data.DatasetLayout;
import dev.adafocus.data.FrameTemplate;
import dev.adafocus.data.LabelMap;
import dev.adafocus.data.ListChecker;
import dev.adafocus.data.ListFileParser;
import dev.adafocus.data.ListFormat;
import dev.adafocus.data.VideoOpener;
import dev.adafocus.data.VideoRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adafocus data check-list}: finds unreadable videos and missing frames before a long run. */
@Command(
    name = "check-list",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = "Check that every video of a list file loads: list syntax, labels, frame files, first and last "
        + "frames. Exits with code 3 when a video cannot be loaded.",
    footer = {"%nExample:",
        "  adafocus data check-list --list actnet_val_split.txt --root frames/ --layout ACTIVITYNET"})
final class CheckListCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--list", required = true, paramLabel = "<file>", description = "The list file.")
  Path list;

  @Option(names = "--root", paramLabel = "<dir>", description = "Root of the list's paths (default: the list's folder).")
  Path root;

  @Option(names = "--layout", description = "Dataset conventions: ${COMPLETION-CANDIDATES}; sets format and template.")
  DatasetLayout layout;

  @Option(names = "--format", description = "List format when no --layout: COMMA, SPACE or VIDEO.",
      defaultValue = "SPACE")
  ListFormat format;

  @Option(names = "--template", defaultValue = "img_%05d.jpg", paramLabel = "<pattern>",
      converter = FrameTemplateConverter.class,
      description = "Frame file names when no --layout.")
  FrameTemplate template;

  @Option(names = "--labels", paramLabel = "<file>", description = "Label map (classInd.txt, category.txt): labels "
      + "must be below its class count.")
  Path labels;

  @Option(names = "--json", description = "Print a JSON summary as the last line.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path dataRoot = root != null ? root : list.toAbsolutePath().getParent();
    ListFormat fmt = layout != null ? layout.format() : format;
    int numClasses = labels != null ? LabelMap.read(labels).size() : layout != null ? layout.numClasses() : 0;
    List<VideoRecord> records = ListFileParser.parse(list, fmt, numClasses);
    VideoOpener opener = layout != null ? layout.opener(dataRoot)
        : VideoOpener.of(fmt, dataRoot, template);
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
    List<ListChecker.Problem> problems = ListChecker.check(records, opener, (d, t) -> {
      if (d == t || d % 50 == 0) {
        bar.update(d, t, "");
      }
    });
    problems.forEach(p -> out.println((p.fatal() ? "error: " : "warning: ") + p.where() + ": " + p.message()));
    long unreadable = ListChecker.unreadableVideos(problems);
    long warnings = problems.stream().filter(p -> !p.fatal()).count();
    out.printf("%d videos checked, %d unreadable, %d warnings%n", records.size(), unreadable, warnings);
    if (json) {
      JsonObject o = new JsonObject();
      o.addProperty("videos", records.size());
      o.addProperty("unreadable", unreadable);
      o.addProperty("warnings", warnings);
      out.println(o);
    }
    out.flush();
    if (unreadable > 0) {
      throw new AdaFocusException(unreadable + " of " + records.size() + " videos in " + list + " cannot be loaded");
    }
    return 0;
  }
}
