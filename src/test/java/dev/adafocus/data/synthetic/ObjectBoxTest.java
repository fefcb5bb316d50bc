package dev.adafocus.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectBoxTest {
  @Test
  void overlapAndContainment() {
    ObjectBox crop = new ObjectBox(10, 10, 32, 32);
    assertTrue(crop.contains(new ObjectBox(10, 10, 32, 32)));
    assertFalse(crop.contains(new ObjectBox(30, 10, 20, 20)));
    assertEquals(12 * 20, crop.overlapArea(new ObjectBox(30, 10, 20, 20)));
    assertEquals(0, crop.overlapArea(new ObjectBox(42, 10, 5, 5)));
    assertTrue(crop.contains(41, 41));
    assertFalse(crop.contains(42, 41));
  }

  @Test
  void centredSquareIsCentredAndClampedToTheFrame() {
    ObjectBox inside = new ObjectBox(50, 60, 20, 10).centredSquare(32, 128);
    assertEquals(new ObjectBox(44, 49, 32, 32), inside);
    assertEquals(new ObjectBox(0, 96, 32, 32), new ObjectBox(0, 118, 10, 10).centredSquare(32, 128));
  }
}
