package dev.adafocus.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.config.ConfigException;
import dev.adafocus.config.TrainConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LrScheduleTest {
  static TrainConfig config(int epochs, double lr, String schedule, int warmup, int freeze) {
    Map<String, Double> ratios = new LinkedHashMap<>();
    ratios.put("policy", 0.1);
    ratios.put("glance", 0.5);
    ratios.put("focus", 1.0);
    ratios.put("classifier", 5.0);
    return new TrainConfig(epochs, lr, 0.9, 1e-4, ratios, schedule, warmup, freeze, null, 1, 1, 0, "cpu", 20, 0, 0.1, true, Map.of());
  }

  @Test
  void cosineIsSteppedPerEpochOverEpochsPlusOneWithZeroLast() {
    LrSchedule s = new LrSchedule(config(4, 0.002, "cos", 0, 0));
    // 0.5·lr·(1 + cos(π·e/4)) for e = 0..4
    double[] expected = {0.002, 0.001 * (1 + Math.sqrt(0.5)), 0.001, 0.001 * (1 - Math.sqrt(0.5)), 0.0};
    for (int e = 0; e <= 4; e++) {
      assertEquals(expected[e], s.baseLr(e), 1e-15, "epoch " + e);
    }
    assertEquals(0.0, s.baseLr(4), 0.0, "the extra last epoch of the official loop runs at lr 0");
  }

  @Test
  void officialRecipeValuesAtEpochs0_25_50() {
    LrSchedule s = new LrSchedule(config(50, 0.002, "cos", 0, 0));
    assertEquals(0.002, s.baseLr(0), 1e-18);
    assertEquals(0.001, s.baseLr(25), 1e-15);
    assertEquals(0.5 * 0.002 * (1 + Math.cos(Math.PI * 10 / 50)), s.baseLr(10), 1e-18);
  }

  @Test
  void groupLearningRatesApplyTheMultipliers() {
    LrSchedule s = new LrSchedule(config(4, 0.002, "cos", 0, 0));
    Map<String, Double> lrs = s.groupLrs(List.of("policy", "glance", "focus", "classifier"), 2);
    assertEquals(0.0001, lrs.get("policy"), 1e-15);
    assertEquals(0.0005, lrs.get("glance"), 1e-15);
    assertEquals(0.001, lrs.get("focus"), 1e-15);
    assertEquals(0.005, lrs.get("classifier"), 1e-15);
    ConfigException e = assertThrows(ConfigException.class, () -> s.groupLrs(List.of("policy", "heads"), 0));
    assertTrue(e.getMessage().contains("'heads'"), e.getMessage());
  }

  @Test
  void warmupIsLinearThenCosineAndPolicyFreezeZeroesOnlyThePolicy() {
    LrSchedule s = new LrSchedule(config(4, 0.004, "cos", 2, 1));
    assertEquals(0.004 / 3, s.baseLr(0), 1e-15);
    assertEquals(0.008 / 3, s.baseLr(1), 1e-15);
    assertEquals(0.002, s.baseLr(2), 1e-15);
    Map<String, Double> e0 = s.groupLrs(List.of("policy", "focus"), 0);
    assertEquals(0.0, e0.get("policy"), 0.0);
    assertEquals(0.004 / 3, e0.get("focus"), 1e-15);
    assertTrue(s.frozen("policy", 0));
    assertEquals(0.0002, s.groupLrs(List.of("policy"), 2).get("policy"), 1e-15);
  }

  @Test
  void aGroupFrozenFromAnEpochStopsThereAndUnknownGroupsAreRejected() {
    TrainConfig base = config(4, 0.01, "cos", 0, 0);
    TrainConfig c = new TrainConfig(base.epochs(), base.lr(), base.momentum(), base.weightDecay(), base.lrRatios(),
        base.lrSchedule(), 0, 0, null, 1, 1, 0, "cpu", 20, 0, 0.1, true, Map.of("glance", 2));
    LrSchedule s = new LrSchedule(c);
    assertFalse(s.frozen("glance", 1));
    assertTrue(s.frozen("glance", 2));
    assertTrue(s.frozen("glance", 4));
    assertFalse(s.frozen("focus", 4));
    assertEquals(s.baseLr(1) * 0.5, s.groupLrs(List.of("glance", "focus"), 1).get("glance"), 1e-15);
    assertEquals(0.0, s.groupLrs(List.of("glance", "focus"), 2).get("glance"), 0.0);
    assertEquals(s.baseLr(2), s.groupLrs(List.of("glance", "focus"), 2).get("focus"), 1e-15);
    TrainConfig typo = new TrainConfig(base.epochs(), base.lr(), base.momentum(), base.weightDecay(), base.lrRatios(),
        base.lrSchedule(), 0, 0, null, 1, 1, 0, "cpu", 20, 0, 0.1, true, Map.of("glanse", 2));
    var e = assertThrows(dev.adafocus.config.ConfigException.class,
        () -> new LrSchedule(typo).groupLrs(List.of("glance", "focus"), 0));
    assertTrue(e.getMessage().contains("glanse"), e.getMessage());
  }

  @Test
  void constantScheduleKeepsTheBaseLr() {
    LrSchedule s = new LrSchedule(config(3, 0.01, "constant", 0, 0));
    assertEquals(0.01, s.baseLr(3), 0.0);
  }
}
