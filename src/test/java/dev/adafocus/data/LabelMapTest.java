package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelMapTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path p = dir.resolve("classInd.txt");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void commaIndexedAsInActivityNet() throws IOException {
    LabelMap m = LabelMap.read(write("1,Archery\n0,Applying sunscreen\n2,Arm wrestling\n"));
    assertEquals(List.of("Applying sunscreen", "Archery", "Arm wrestling"), m.names());
  }

  @Test
  void oneBasedSpaceIndexedShiftsToZero() throws IOException {
    LabelMap m = LabelMap.read(write("1 ApplyEyeMakeup\n2 ApplyLipstick\n3 Archery\n"));
    assertEquals(3, m.size());
    assertEquals("ApplyEyeMakeup", m.name(0));
    assertEquals("Archery", m.name(2));
  }

  @Test
  void oneNamePerLineAsInCategoryTxt() throws IOException {
    LabelMap m = LabelMap.read(write("Holding something\nTurning the camera left\n\nPushing something\n"));
    assertEquals(List.of("Holding something", "Turning the camera left", "Pushing something"), m.names());
  }

  @Test
  void gapsAndDuplicatesAreErrors() throws IOException {
    DataFormatException gap = assertThrows(DataFormatException.class, () -> LabelMap.read(write("0,a\n2,b\n")));
    assertTrue(gap.getMessage().contains("without gaps"), gap.getMessage());
    DataFormatException dup = assertThrows(DataFormatException.class, () -> LabelMap.read(write("0,a\n0,b\n")));
    assertEquals(2, dup.line());
    assertThrows(DataFormatException.class, () -> LabelMap.read(write("\n")));
  }

  @Test
  void indexTooLargeForAnIntNamesTheLine() throws IOException {
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> LabelMap.read(write("0,zero\n99999999999,big\n")));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("classInd.txt:2") && e.getMessage().contains("too large"), e.getMessage());
  }

  @Test
  void mostlyIndexedFileRejectsTheFirstLineWithoutAnIndex() throws IOException {
    DataFormatException bare = assertThrows(DataFormatException.class,
        () -> LabelMap.read(write("0,zero\n1,one\n5\n2,two\nthree\n")));
    assertEquals(3, bare.line());
    assertTrue(bare.getMessage().contains("without a name"), bare.getMessage());
    DataFormatException plain = assertThrows(DataFormatException.class,
        () -> LabelMap.read(write("1 ApplyEyeMakeup\n2 ApplyLipstick\nArchery\n")));
    assertEquals(3, plain.line());
    assertTrue(plain.getMessage().contains("\"Archery\" is not \"index,name\""), plain.getMessage());
  }

  @Test
  void negativeIndexIsAnError() throws IOException {
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> LabelMap.read(write("0,zero\n-1,minus\n1,one\n")));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
  }

  @Test
  void namesWithFewIndexedLinesStayOnePerLine() throws IOException {
    LabelMap m = LabelMap.read(write("Holding something\n5 people dancing\nPushing something\n"));
    assertEquals(List.of("Holding something", "5 people dancing", "Pushing something"), m.names());
  }

  @Test
  void bytesThatAreNotUtf8NameTheLine() throws IOException {
    Path p = dir.resolve("classInd.txt");
    Files.write(p, new byte[] {'a', '\n', 'b', '\n', 'c', (byte) 0xff, '\n'});
    DataFormatException e = assertThrows(DataFormatException.class, () -> LabelMap.read(p));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("not UTF-8 text"), e.getMessage());
  }
}
