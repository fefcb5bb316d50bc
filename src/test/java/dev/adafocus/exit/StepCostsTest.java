package dev.adafocus.exit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCostsTest {
  @TempDir
  Path dir;

  @Test
  void linearCostsGrowByOneFrameEachStep() {
    StepCosts c = StepCosts.linear(1.684842018, 16);
    assertEquals(16, c.steps());
    assertEquals(1.684842018, c.afterSteps(1), 1e-15);
    assertEquals(16 * 1.684842018, c.total(), 1e-12);
  }

  @Test
  void parsesACommaSeparatedCumulativeTable() {
    assertArrayEquals(new double[] {1.68, 3.37, 3.37, 7}, StepCosts.parse("1.68, 3.37,3.37 ,7").gflopsAfter(), 0);
  }

  @Test
  void rejectsDecreasingNegativeAndNonNumericTables() {
    assertThrows(IllegalArgumentException.class, () -> StepCosts.parse("1,3,2"));
    assertThrows(IllegalArgumentException.class, () -> StepCosts.parse("-1,3"));
    assertThrows(IllegalArgumentException.class, () -> StepCosts.parse("1,,3"));
    assertThrows(IllegalArgumentException.class, () -> new StepCosts(new double[0]));
  }

  @Test
  void fileRoundTripsAndSkipsCommentsAndBlankLines() throws Exception {
    StepCosts c = new StepCosts(new double[] {0.5, 1.25, 2});
    Path f = dir.resolve("costs.txt");
    c.write(f);
    assertArrayEquals(c.gflopsAfter(), StepCosts.read(f).gflopsAfter(), 0);
    Files.writeString(f, "# costs\n\n1\n  2.5 \n");
    assertArrayEquals(new double[] {1, 2.5}, StepCosts.read(f).gflopsAfter(), 0);
  }

  @Test
  void fileErrorsNameTheFileAndLine() throws Exception {
    Path f = dir.resolve("bad.txt");
    Files.writeString(f, "# costs\n1\nabc\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> StepCosts.read(f));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("bad.txt:3"), e.getMessage());
    Files.writeString(f, "2\n1\n");
    assertEquals(2, assertThrows(DataFormatException.class, () -> StepCosts.read(f)).line());
    Files.writeString(f, "# nothing\n");
    assertThrows(DataFormatException.class, () -> StepCosts.read(f));
    assertThrows(DataFormatException.class, () -> StepCosts.read(dir.resolve("missing.txt")));
  }

  @Test
  void aCostFileThatIsNotUtf8NamesTheLine() throws Exception {
    Path f = dir.resolve("costs.txt");
    Files.write(f, new byte[] {'1', '.', '5', '\n', '3', '.', '0', ' ', '#', ' ', (byte) 0xe9, '\n'});
    DataFormatException e = assertThrows(DataFormatException.class, () -> StepCosts.read(f));
    assertTrue(e.getMessage().startsWith(f + ":2: not UTF-8 text"), e.getMessage());
  }
}
