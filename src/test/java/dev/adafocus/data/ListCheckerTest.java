package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCheckerTest {
  @TempDir Path root;

  @Test
  void findsMissingFramesExtraFramesAndBrokenVideos() throws Exception {
    FrameTemplate t = FrameTemplate.IMG;
    FrameFolderSourceTest.writeFrames(root.resolve("ok"), t, 4);
    FrameFolderSourceTest.writeFrames(root.resolve("holes"), t, 4);
    Files.delete(root.resolve("holes").resolve(t.fileName(1)));
    FrameFolderSourceTest.writeFrames(root.resolve("more"), t, 6);
    Path list = root.resolve("list.txt");
    Files.writeString(list, "ok 4 0\nholes 4 1\nmore 4 0\n");
    List<ListChecker.Problem> p = ListChecker.check(ListFileParser.parse(list, ListFormat.SPACE, 2),
        VideoOpener.frameFolders(root, t), (d, n) -> { });
    assertEquals(2, p.size());
    assertEquals(list + ":2", p.get(0).where());
    assertTrue(p.get(0).fatal());
    assertTrue(p.get(0).message().contains("1 of 4 frame files are missing"), p.get(0).message());
    assertEquals("more", p.get(1).videoId());
    assertFalse(p.get(1).fatal());

    Path videos = VideoFileSourceTest.resource("vp9.webm").getParent();
    Files.write(root.resolve("bad.webm"), new byte[] {9, 9, 9});
    Files.copy(videos.resolve("vp9.webm"), root.resolve("vp9.webm"));
    Path vlist = root.resolve("v.txt");
    Files.writeString(vlist, "vp9.webm 0\nbad.webm 1\n");
    List<ListChecker.Problem> v = ListChecker.check(ListFileParser.parse(vlist, ListFormat.VIDEO, 0),
        VideoOpener.videoFiles(root), (d, n) -> { });
    assertEquals(1, v.size());
    assertEquals(vlist + ":2", v.get(0).where());
    assertTrue(v.get(0).message().contains("bad.webm"), v.get(0).message());
  }

  @Test
  void reportsEachUnreadableVideoOnceWithoutRepeatingItsLocation() throws Exception {
    FrameTemplate t = FrameTemplate.IMG;
    FrameFolderSourceTest.writeFrames(root.resolve("corrupt"), t, 4);
    Files.write(root.resolve("corrupt").resolve(t.fileName(0)), new byte[] {1, 2, 3});
    Path list = root.resolve("list.txt");
    Files.writeString(list, "gone_a 4 0\ngone_b 4 1\ncorrupt 4 0\n");
    List<ListChecker.Problem> p = ListChecker.check(ListFileParser.parse(list, ListFormat.SPACE, 2),
        VideoOpener.frameFolders(root, t), (d, n) -> { });
    assertEquals(List.of("gone_a", "gone_b", "corrupt"), p.stream().map(ListChecker.Problem::videoId).toList());
    assertEquals(3, ListChecker.unreadableVideos(p));
    assertTrue(p.get(0).message().startsWith("4 of 4 frame files are missing (first: "), p.get(0).message());
    assertTrue(p.get(2).message().startsWith("cannot decode frame file "), p.get(2).message());
  }

  @Test
  void unreadableVideosCountsVideosNotProblems() {
    List<ListChecker.Problem> p = List.of(new ListChecker.Problem("l.txt:1", "a", "x", true),
        new ListChecker.Problem("l.txt:1", "a", "y", true), new ListChecker.Problem("l.txt:2", "b", "z", false));
    assertEquals(1, ListChecker.unreadableVideos(p));
  }

  @Test
  void datasetLayoutsFollowTheOfficialConventions() {
    assertEquals("image_00001.jpg", DatasetLayout.ACTIVITYNET.template().fileName(0));
    assertEquals(ListFormat.COMMA, DatasetLayout.FCVID.format());
    assertEquals(239, DatasetLayout.FCVID.numClasses());
    assertEquals("img_00001.jpg", DatasetLayout.MINI_KINETICS.template().fileName(0));
    assertFalse(DatasetLayout.SOMETHING_V2.flip());
    assertEquals("000001.jpg", DatasetLayout.SOMETHING_V2.template().fileName(0));
    assertFalse(DatasetLayout.JESTER.flip());
    assertTrue(DatasetLayout.VIDEO_FILES.opener(root) != null);
  }

  @Test
  void shortVideosCanBeDroppedAsTheOfficialTrainingDoes() throws Exception {
    Path list = root.resolve("l.txt");
    Files.writeString(list, "a,2,0\nb,3,0\nc,100,1\n");
    List<VideoRecord> kept = ListFileParser.withAtLeast(ListFileParser.parse(list, ListFormat.COMMA, 2), 3);
    assertEquals(List.of("b", "c"), kept.stream().map(VideoRecord::path).toList());
  }
}
