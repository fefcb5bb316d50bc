package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  @TempDir Path dir;

  private static Path resource(String name) throws Exception {
    return Path.of(DataCommandTest.class.getResource("/data/video/" + name).toURI());
  }

  @Test
  void helpListsTheSubcommands() {
    CliRun r = CliRun.of("data", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("extract-frames") && r.out().contains("bench-loader"), r.out());
    CliRun e = CliRun.of("data", "extract-frames", "--help");
    assertEquals(0, e.code());
    assertTrue(e.out().contains("image_%05d.jpg"), e.out());
    assertEquals(0, CliRun.of("data", "bench-loader", "--help").code());
    assertEquals(0, CliRun.of("data", "check-list", "--help").code());
    assertEquals(0, CliRun.of("data", "make-benchmark", "--help").code());
  }

  @Test
  void extractFramesWritesFoldersAListAndAProgressBar() throws Exception {
    Path raw = Files.createDirectories(dir.resolve("raw"));
    Files.copy(resource("vp9.webm"), raw.resolve("vp9.webm"));
    Path vlist = dir.resolve("v.txt");
    Files.writeString(vlist, "vp9.webm 4\n");
    CliRun r = CliRun.of("data", "extract-frames", "--video-list", vlist.toString(), "--video-root", raw.toString(), "--out",
        dir.resolve("frames").toString(), "--height", "16", "--write-list", dir.resolve("l.txt").toString(),
        "--list-format", "comma", "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("1/1"), r.err());
    assertEquals(24, r.json().get("frames").getAsInt());
    assertEquals("vp9,24,4\n", Files.readString(dir.resolve("l.txt")));
    assertTrue(Files.isRegularFile(dir.resolve("frames").resolve("vp9").resolve("img_00024.jpg")));
  }

  @Test
  void extractFramesRejectsAVideoListFormatBeforeExtracting() {
    CliRun r = CliRun.of("data", "extract-frames", "--videos", dir.resolve("none").toString(), "--out",
        dir.resolve("o").toString(), "--write-list", dir.resolve("l.txt").toString(), "--list-format", "video");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--list-format must be COMMA or SPACE"), r.err());
  }

  @Test
  void badListIsExitCodeThreeWithFileAndLine() throws Exception {
    Path vlist = dir.resolve("v.txt");
    Files.writeString(vlist, "a.mp4 1\nb.mp4\n");
    CliRun r = CliRun.of("data", "extract-frames", "--video-list", vlist.toString(), "--out", dir.resolve("o").toString());
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains(vlist + ":2"), r.err());
  }

  @Test
  void benchLoaderReportsClipsPerSecondForFramesAndVideos() {
    CliRun r = CliRun.of("data", "bench-loader", "--sample-videos", "2", "--sample-frames", "6", "--frames", "4",
        "--input-size", "32", "--batch-size", "2", "--workers", "1", "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("frame folders:") && r.out().contains("video files:"), r.out());
    var results = r.json().getAsJsonArray("results");
    assertEquals(2, results.size());
    for (var e : results) {
      assertEquals(2, e.getAsJsonObject().get("clips").getAsInt());
      assertTrue(e.getAsJsonObject().get("clips_per_s").getAsDouble() > 0);
    }
  }

  @Test
  void checkListReportsUnreadableVideosWithExitCodeThree() throws Exception {
    Path raw = Files.createDirectories(dir.resolve("raw"));
    Files.copy(resource("bframes.mp4"), raw.resolve("bframes.mp4"));
    Path vlist = raw.resolve("v.txt");
    Files.writeString(vlist, "bframes.mp4 0\nmissing.mp4 1\n");
    CliRun r = CliRun.of("data", "check-list", "--list", vlist.toString(), "--layout", "video_files", "--json");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.out().contains("error: " + vlist + ":2"), r.out());
    assertEquals(1, r.json().get("unreadable").getAsInt());
    Files.writeString(vlist, "bframes.mp4 0\n");
    assertEquals(0, CliRun.of("data", "check-list", "--list", vlist.toString(), "--format", "video").code());
  }

  @Test
  void checkListCountsUnreadableVideosAndNamesEachLineOnce() throws Exception {
    Path vlist = dir.resolve("bad.txt");
    Files.writeString(vlist, "v_a 4 0\nv_b 4 1\n");
    CliRun r = CliRun.of("data", "check-list", "--list", vlist.toString(), "--json");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.out().contains("error: " + vlist + ":1: 4 of 4 frame files are missing"), r.out());
    assertEquals(2, r.out().lines().filter(l -> l.startsWith("error: ")).count(), r.out());
    assertTrue(r.out().contains("2 videos checked, 2 unreadable, 0 warnings"), r.out());
    assertEquals(2, r.json().get("unreadable").getAsInt());
    assertTrue(r.err().contains("error: 2 of 2 videos in " + vlist), r.err());
  }

  @Test
  void benchLoaderOnAListSkipsBadVideosWhenAsked() throws Exception {
    Path raw = Files.createDirectories(dir.resolve("raw"));
    Files.copy(resource("bframes.mp4"), raw.resolve("bframes.mp4"));
    Path vlist = raw.resolve("v.txt");
    Files.writeString(vlist, "bframes.mp4 0\nmissing.mp4 1\n");
    String[] args = {"data", "bench-loader", "--list", vlist.toString(), "--format", "VIDEO", "--frames", "4",
        "--input-size", "16", "--batch-size", "2", "--workers", "1", "--json"};
    CliRun failing = CliRun.of(args);
    assertEquals(Main.BAD_INPUT, failing.code());
    assertTrue(failing.err().contains("missing.mp4"), failing.err());
    String[] skipping = java.util.Arrays.copyOf(args, args.length + 1);
    skipping[args.length] = "--skip-bad";
    CliRun r = CliRun.of(skipping);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("skipped 1 unreadable video:"), r.out());
    assertEquals(1, r.json().getAsJsonArray("results").get(0).getAsJsonObject().get("clips").getAsInt());
  }
}
