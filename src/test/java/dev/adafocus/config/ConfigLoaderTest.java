package dev.adafocus.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.data.synthetic.SyntheticBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;
  Path leaf;

  @BeforeEach
  void writeConfigs() throws IOException {
    Files.createDirectories(dir.resolve("_base_/models"));
    Files.writeString(dir.resolve("_base_/models/m.yaml"), """
        model:
          num_classes: 10
          patch_size: 96
          glance_arch: resnet50
        train:
          lr_ratios: {policy: 0.1, glance: 0.5}
        """);
    Files.writeString(dir.resolve("_base_/d.yaml"), """
        data:
          kind: synthetic
          synthetic: {frame_size: 64, frames: 4}
        train:
          epochs: 7
        """);
    leaf = dir.resolve("my_exp.yaml");
    Files.writeString(leaf, """
        _base_: [_base_/models/m.yaml, _base_/d.yaml]
        model:
          patch_size: 112
        train:
          lr: 1e-3
          lr_ratios: {classifier: 5}
        """);
  }

  @Test
  void basesAreDeepMergedAndTheLeafOverridesThem() {
    ExperimentConfig c = ConfigLoader.load(leaf);
    assertEquals("my_exp", c.name());
    assertEquals(112, c.model().patchSize(), "leaf overrides base");
    assertEquals("resnet50", c.model().glanceArch(), "base value kept");
    assertEquals(10, c.model().numClasses());
    assertEquals(16, c.model().numSegments(), "default kept");
    assertEquals(7, c.train().epochs(), "second base merged");
    assertEquals(1e-3, c.train().lr(), 0.0, "1e-3 read as a number");
    assertEquals(Map.of("policy", 0.1, "glance", 0.5, "classifier", 5.0, "focus", 1.0), c.train().lrRatios(),
        "maps merge key by key across defaults, base and leaf");
    assertEquals(64, c.data().synthetic().frameSize());
    assertEquals(4, c.data().synthetic().frames());
    assertEquals(SyntheticBenchmark.defaults().clutter(), c.data().synthetic().clutter(), "unset settings: defaults");
    assertEquals(224, c.data().inputSize(), "data.input_size defaults to model.input_size");
  }

  @Test
  void resolutionOrderIsDefaultsFileFlagsThenCfgOptions() {
    ExperimentConfig c = ConfigLoader.load(leaf, Map.of("train.seed", 5, "train.epochs", 3),
        List.of("train.epochs=9", "model.sample=false", "data.scales=[1, 0.5]", "train.device=cuda",
            "train.weight_decay=5e-4", "model.focus_pretrained=weights/r50.pth", "data.synthetic.noise=0.25"));
    assertEquals(5, c.train().seed(), "flag beats file/defaults");
    assertEquals(9, c.train().epochs(), "cfg-options beat flags");
    assertFalse(c.model().sample(), "booleans are typed");
    assertEquals(List.of(1.0, 0.5), c.data().scales(), "lists are typed");
    assertEquals("cuda", c.train().device());
    assertEquals(5e-4, c.train().weightDecay(), 0.0);
    assertEquals("weights/r50.pth", c.model().focusPretrained(), "text stays text");
    assertEquals(0.25, c.data().synthetic().noise(), 0.0);
    assertEquals(64, c.data().synthetic().frameSize(), "overriding one key keeps its siblings");
  }

  @Test
  void frozenFromEpochTakesAnyGroupNameAndWholeEpochs() {
    assertEquals(Map.of(), ConfigLoader.load(leaf).train().frozenFromEpoch());
    ExperimentConfig c = ConfigLoader.load(leaf, Map.of(), List.of("train.frozen_from_epoch.glance=2"));
    assertEquals(Map.of("glance", 2), c.train().frozenFromEpoch());
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(leaf, Map.of(), List.of("train.frozen_from_epoch.glance=1.5")));
    assertTrue(e.getMessage().contains("frozen_from_epoch"), e.getMessage());
  }

  @Test
  void cfgOptionValuesAreTypedLikeYaml() {
    assertEquals(3, ConfigLoader.parseValue("3"));
    assertEquals(1.0e-4, ConfigLoader.parseValue("1e-4"));
    assertEquals(Boolean.TRUE, ConfigLoader.parseValue("true"));
    assertEquals(List.of(1, 2), ConfigLoader.parseValue("[1,2]"));
    assertNull(ConfigLoader.parseValue("null"));
    assertEquals("resnet18", ConfigLoader.parseValue("resnet18"));
  }

  @Test
  void unknownKeyNamesTheFileAndSuggestsTheClosestKey() throws IOException {
    Files.writeString(leaf, "_base_: _base_/models/m.yaml\ndata: {kind: actnet}\ntrain:\n  lerning_rate: 0.1\n  lrr: 1\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf));
    assertTrue(e.getMessage().startsWith(leaf.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("unknown key 'train.lerning_rate'"), e.getMessage());
    Files.writeString(leaf, "_base_: _base_/models/m.yaml\ndata: {kind: actnet}\ntrain:\n  epoch: 3\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf));
    assertTrue(e.getMessage().contains("did you mean 'train.epochs'?"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf, Map.of(), List.of("model.patch_siz=3")));
    assertTrue(e.getMessage().contains("--cfg-options model.patch_siz") && e.getMessage().contains("model.patch_size"),
        e.getMessage());
  }

  @Test
  void badValuesNameTheSourceAndTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(leaf, Map.of(), List.of("train.lr=fast")));
    assertEquals("--cfg-options train.lr: 'train.lr': expected a number, got 'fast'", e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf, Map.of(), List.of("model.glance_arch=mobilenetv2")));
    assertTrue(e.getMessage().startsWith("--cfg-options model.glance_arch: 'model.glance_arch': unknown backbone 'mobilenetv2'; use mobilenet_v2,"),
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf, Map.of(), List.of("model.patch_size=300")));
    assertTrue(e.getMessage().contains("larger than model.input_size 224"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf, Map.of("train.device", "gpu"), List.of()));
    assertEquals("command-line flag for 'train.device': 'train.device': 'gpu' is not a device; use cpu, cuda or cuda:N",
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf, Map.of(), List.of("model.dropout=1.5")));
    assertTrue(e.getMessage().contains("'model.dropout': expected a probability"), e.getMessage());
  }

  @Test
  void benchmarkSettingsAreValidatedWithTheirKeys() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(leaf, Map.of(), List.of("data.synthetic.clutter_sise=3")));
    assertTrue(e.getMessage().contains("'data.synthetic.clutter_sise': unknown benchmark setting (did you mean 'clutter_size'?)"),
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf, Map.of(), List.of("data.synthetic.num_classes=11")));
    assertTrue(e.getMessage().contains("'data.synthetic'") && e.getMessage().contains("numClasses must be in 2..10"),
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf, Map.of(), List.of("data.synthetic.label=directions")));
    assertTrue(e.getMessage().contains("'data.synthetic.label'") && e.getMessage().contains("did you mean 'direction'"),
        e.getMessage());
    ExperimentConfig motion = ConfigLoader.load(leaf, Map.of(), List.of("data.synthetic.label=direction",
        "data.synthetic.min_speed=1", "data.synthetic.max_speed=1"));
    assertEquals(dev.adafocus.data.synthetic.LabelRule.DIRECTION, motion.data().synthetic().label());
  }

  @Test
  void theTsmModelKindSelectsTwoViewsAndKeepsItsOwnKeys() {
    ExperimentConfig c = ConfigLoader.load(leaf, Map.of(), List.of("model.kind=adafocusv2_tsm", "model.focus_segments=6"));
    assertTrue(c.model().isTsm());
    assertArrayEquals(new int[] {c.model().numSegments(), 6}, c.model().clipSampling(true).framesPerView());
    assertEquals(6, c.model().toTsmConfig().focusFrames());
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(leaf, Map.of(), List.of("model.kind=adafocus_tsm")));
    assertTrue(e.getMessage().contains("'model.kind'") && e.getMessage().contains("did you mean 'adafocusv2_tsm'"),
        e.getMessage());
    e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(leaf, Map.of(), List.of("model.kind=adafocusv2_tsm", "model.glance_size=16")));
    assertTrue(e.getMessage().contains("'model.glance_size'"), e.getMessage());
  }

  @Test
  void requiredKeysMissingFromEveryFileAreReportedAgainstTheDefaults() throws IOException {
    Path bare = dir.resolve("bare.yaml");
    Files.writeString(bare, "data: {kind: actnet}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(bare));
    assertTrue(e.getMessage().contains("'model.num_classes'"), e.getMessage());
  }

  @Test
  void malformedYamlAndMissingBasesAreReportedWithTheFile() throws IOException {
    Files.writeString(leaf, "model:\n  patch_size: [1,\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf));
    assertTrue(e.getMessage().startsWith(leaf + ":"), e.getMessage());
    Files.writeString(leaf, "_base_: nowhere.yaml\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf));
    assertTrue(e.getMessage().contains("_base_ file 'nowhere.yaml' not found"), e.getMessage());
    Files.writeString(leaf, "_base_: my_exp.yaml\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(leaf));
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
  }

  @Test
  void writtenResolvedConfigLoadsBackToTheSameExperiment() {
    ExperimentConfig c = ConfigLoader.load(leaf, Map.of("train.seed", 11), List.of("model.sample=false"));
    Path out = dir.resolve("resolved.yaml");
    ConfigWriter.write(c, out);
    ExperimentConfig back = ConfigLoader.load(out);
    assertEquals(c.model(), back.model());
    assertEquals(c.data(), back.data());
    assertEquals(c.train(), back.train());
    assertEquals(c.eval(), back.eval());
  }

  @Test
  void configThatIsNotUtf8NamesTheFileAndLine() throws IOException {
    Path bad = dir.resolve("latin1.yaml");
    Files.write(bad, "model:\n  num_classes: 10 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(bad));
    assertTrue(e.getMessage().startsWith(bad + ":2: not UTF-8 text"), e.getMessage());
  }

  @Test
  void aFrameTemplateWithoutOneNumberFieldIsAConfigErrorNamingItsKeyAndFile() throws IOException {
    for (String template : List.of("img_%s.jpg", "img.jpg", "%d%d")) {
      Path file = Files.writeString(dir.resolve("t.yaml"), "_base_: [my_exp.yaml]\ndata:\n  frame_template: '"
          + template + "'\n");
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
      assertTrue(e.getMessage().startsWith(file + ": 'data.frame_template': frame template \"" + template
          + "\" needs exactly one number field"), e.getMessage());
    }
    assertEquals("img_{:05d}.jpg", ConfigLoader.load(leaf, Map.of(), List.of("data.frame_template=img_{:05d}.jpg"))
        .data().frameTemplate(), "a valid template is kept as written");
  }
}
