package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.DataFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFileParserTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void commaFormatWithRepeatedAndMultipleLabels() throws IOException {
    Path f = write("actnet_train_split.txt",
        "v_PLek2e8NlKc,5531,82,82\nclass_a/vid1,120,3,7,1\n\nv_x,9,0\n");
    List<VideoRecord> r = ListFileParser.parse(f, ListFormat.COMMA, 200);
    assertEquals(3, r.size());
    assertEquals("v_PLek2e8NlKc", r.get(0).path());
    assertEquals(5531, r.get(0).numFrames());
    assertArrayEquals(new int[] {82}, r.get(0).labels());
    assertArrayEquals(new int[] {1, 3, 7}, r.get(1).labels());
    assertEquals("class_a/vid1", r.get(1).path());
    assertEquals(4, r.get(2).line());
  }

  @Test
  void spaceFormatKeepsSpacesInPaths() throws IOException {
    Path f = write("mini_train_videofolder.txt",
        "abseiling/my clip  with spaces 300 0\njuggling/x_000012 75 12\r\n");
    List<VideoRecord> r = ListFileParser.parse(f, ListFormat.SPACE, 0);
    assertEquals("abseiling/my clip  with spaces", r.get(0).path());
    assertEquals(300, r.get(0).numFrames());
    assertArrayEquals(new int[] {0}, r.get(0).labels());
    assertEquals("juggling/x_000012", r.get(1).path());
    assertEquals(12, r.get(1).firstLabel());
  }

  @Test
  void videoFormatHasNoFrameCountAndManyLabels() throws IOException {
    Path f = write("videos.txt", "a/b.mp4 4\nc.webm 2 5 2\n");
    List<VideoRecord> r = ListFileParser.parse(f, ListFormat.VIDEO, 6);
    assertEquals(-1, r.get(0).numFrames());
    assertArrayEquals(new int[] {2, 5}, r.get(1).labels());
    assertEquals("c.webm", r.get(1).path());
  }

  private static void assertError(Path f, int line, String fragment, ListFormat format, int numClasses) {
    DataFormatException e = assertThrows(DataFormatException.class, () -> ListFileParser.parse(f, format, numClasses));
    assertEquals(f, e.file());
    assertEquals(line, e.line());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().startsWith(f + (line > 0 ? ":" + line : "")), e.getMessage());
  }

  @Test
  void wrongFieldCountNamesFileAndLine() throws IOException {
    assertError(write("c.txt", "v1,10,1\nv2,10\n"), 2, "wrong number of fields", ListFormat.COMMA, 0);
    assertError(write("s.txt", "a 10 1\nb 10\n"), 2, "wrong number of fields", ListFormat.SPACE, 0);
    assertError(write("v.txt", "a.mp4 1\nb.mp4\n"), 2, "wrong number of fields", ListFormat.VIDEO, 0);
  }

  @Test
  void nonNumericFrameCountAndLabel() throws IOException {
    assertError(write("c.txt", "v1,ten,1\n"), 1, "frame count is not an integer: \"ten\"", ListFormat.COMMA, 0);
    assertError(write("s.txt", "a b 1\nmy video 3\n"), 1, "frame count is not an integer", ListFormat.SPACE, 0);
    assertError(write("l.txt", "v1,10,x\n"), 1, "label is not an integer", ListFormat.COMMA, 0);
    assertError(write("z.txt", "v1,0,1\n"), 1, "frame count must be positive", ListFormat.COMMA, 0);
  }

  @Test
  void unknownLabelIndex() throws IOException {
    assertError(write("c.txt", "v1,10,1\nv2,10,3,200\n"), 2, "unknown label index 200", ListFormat.COMMA, 200);
    assertError(write("n.txt", "v1 10 -1\n"), 1, "unknown label index -1", ListFormat.SPACE, 0);
  }

  @Test
  void emptyAndMissingLists() throws IOException {
    assertError(write("empty.txt", "\n  \n"), 0, "the list has no videos", ListFormat.SPACE, 0);
    assertError(dir.resolve("absent.txt"), 0, "cannot read the list file", ListFormat.SPACE, 0);
  }

  @Test
  void bytesThatAreNotUtf8NameTheFileAndLine() throws IOException {
    Path f = dir.resolve("list.txt");
    Files.write(f, "a,3,0\nb\u00e9,3,1\n".getBytes(StandardCharsets.ISO_8859_1));
    DataFormatException e = assertThrows(DataFormatException.class, () -> ListFileParser.parse(f, ListFormat.COMMA, 0));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith(f + ":2: not UTF-8 text (byte 0xE9)"), e.getMessage());
  }
}
