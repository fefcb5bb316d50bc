package dev.adafocus.io;

import dev.adafocus.engine.LoadReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Key mapping against golden key lists: the official AdaFocusV2 state dict (from the parity fixture's spec) and the
 * torchvision ResNet-50 / MobileNetV2 state dicts (src/test/resources/keys/make_key_lists.py).
 */
class OfficialKeyMapTest {
  private static final Map<String, long[]> OFFICIAL = keys("official_adafocusv2_mbv2_T4.txt");

  static Map<String, long[]> keys(String name) {
    try {
      Path p = Path.of(OfficialKeyMapTest.class.getResource("/keys/" + name).toURI());
      Map<String, long[]> out = new LinkedHashMap<>();
      for (String line : Files.readAllLines(p)) {
        String[] parts = line.split(" ", -1);
        out.put(parts[0], parts[1].isEmpty() ? new long[0]
            : Arrays.stream(parts[1].split(",")).mapToLong(Long::parseLong).toArray());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, long[]> withPrefix(String prefix, Map<String, long[]> m) {
    Map<String, long[]> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(prefix + k, v));
    return out;
  }

  private static Map<String, long[]> component(String prefix, Map<String, long[]> m) {
    Map<String, long[]> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  @Test
  void officialDataParallelCheckpointFitsTheOfficialKeyTable() {
    WeightMapping m = OfficialKeyMap.adaFocus(withPrefix("module.", OFFICIAL), OFFICIAL);
    assertTrue(m.report().complete(), m.report().message("ckpt"));
    assertEquals(OFFICIAL.size(), m.report().loaded().size());
    assertEquals("policy_stn.gru.weight_ih_l0", m.fileToModel().get("module.policy_stn.gru.weight_ih_l0"));
  }

  @Test
  void unusedThousandWayHeadsAreIgnoredWhenTheModelLacksThem() {
    Map<String, long[]> model = new LinkedHashMap<>(OFFICIAL);
    model.keySet().removeIf(k -> k.startsWith("global_CNN.classifier.") || k.startsWith("local_CNN.fc."));
    WeightMapping m = OfficialKeyMap.adaFocus(withPrefix("module.", OFFICIAL), model);
    assertTrue(m.report().complete(), m.report().message("ckpt"));
    assertEquals(List.of("global_CNN.classifier.weight", "global_CNN.classifier.bias", "local_CNN.fc.weight",
        "local_CNN.fc.bias"), m.report().ignored());
    assertFalse(m.fileToModel().containsKey("module.local_CNN.fc.weight"));
  }

  @Test
  void missingUnexpectedAndMismatchedKeysAreAllNamedInOneMessage() {
    Map<String, long[]> file = new LinkedHashMap<>(OFFICIAL);
    file.remove("policy_stn.gru.weight_hh_l0");
    file.put("policy_stn.extra.weight", new long[] {3});
    Map<String, long[]> model = new LinkedHashMap<>(OFFICIAL);
    model.put("classifier.classifiers.0.1.weight", new long[] {100, 4096});
    LoadReport r = OfficialKeyMap.adaFocus(file, model).report();
    assertFalse(r.complete());
    assertEquals(List.of("policy_stn.gru.weight_hh_l0"), r.missing());
    assertEquals(List.of("policy_stn.extra.weight"), r.unexpected());
    assertEquals(1, r.shapeMismatched().size());
    CheckpointException e = assertThrows(CheckpointException.class, () -> r.requireComplete("ckpt.pth.tar"));
    assertTrue(e.getMessage().startsWith("ckpt.pth.tar: does not fit the model"), e.getMessage());
    for (String part : List.of("1 missing", "policy_stn.gru.weight_hh_l0", "1 unexpected", "policy_stn.extra.weight",
        "classifier.classifiers.0.1.weight (file [200, 4096], model [100, 4096])")) {
      assertTrue(e.getMessage().contains(part), part + " in " + e.getMessage());
    }
  }

  @Test
  void torchvisionResNet50FillsTheFocusNetwork() {
    Map<String, long[]> file = keys("torchvision_resnet50.txt");
    WeightMapping m = OfficialKeyMap.imageNet(ImageNetLayout.TORCHVISION_RESNET, OfficialKeyMap.FOCUS, file, OFFICIAL);
    assertTrue(m.report().complete(), m.report().message("resnet50"));
    assertEquals(component("local_CNN.", OFFICIAL).size(), m.report().loaded().size());
    assertEquals("local_CNN.layer4.2.bn3.running_var", m.fileToModel().get("layer4.2.bn3.running_var"));
  }

  @Test
  void torchvisionResNet50FillsAResNetGlance() {
    Map<String, long[]> file = keys("torchvision_resnet50.txt");
    Map<String, long[]> model = withPrefix("global_CNN.", file);
    model.remove("global_CNN.fc.weight");
    model.remove("global_CNN.fc.bias");
    LoadReport r = OfficialKeyMap.imageNet(ImageNetLayout.TORCHVISION_RESNET, OfficialKeyMap.GLANCE, file, model)
        .report();
    assertTrue(r.complete(), r.message("resnet50"));
    assertEquals(List.of("global_CNN.fc.weight", "global_CNN.fc.bias"), r.ignored());
  }

  @Test
  void tsmMobileNetV2FileFillsTheGlanceNetwork() {
    Map<String, long[]> file = component("global_CNN.", OFFICIAL);
    assertSame(ImageNetLayout.TSM_MOBILENET_V2, ImageNetLayout.forArch("mbv2", file.keySet()));
    WeightMapping m = OfficialKeyMap.imageNet(ImageNetLayout.TSM_MOBILENET_V2, OfficialKeyMap.GLANCE, file, OFFICIAL);
    assertTrue(m.report().complete(), m.report().message("mbv2"));
    assertEquals(file.size(), m.report().loaded().size());
  }

  @Test
  void torchvisionMobileNetV2IsRenamedOntoTheTsmLayout() {
    Map<String, long[]> file = keys("torchvision_mobilenet_v2.txt");
    ImageNetLayout layout = ImageNetLayout.forArch("mobilenet_v2", file.keySet());
    assertSame(ImageNetLayout.TORCHVISION_MOBILENET_V2, layout);
    WeightMapping m = OfficialKeyMap.imageNet(layout, OfficialKeyMap.GLANCE, file, OFFICIAL);
    assertTrue(m.report().complete(), m.report().message("torchvision mbv2"));
    assertEquals(component("global_CNN.", OFFICIAL).size(), m.report().loaded().size());
    assertEquals("global_CNN.features.2.conv.3.weight", m.fileToModel().get("features.2.conv.1.0.weight"));
    assertEquals("global_CNN.features.1.conv.3.weight", m.fileToModel().get("features.1.conv.1.weight"));
    assertEquals("global_CNN.classifier.weight", m.fileToModel().get("classifier.1.weight"));
  }

  @Test
  void oldFilesWithoutBatchCountersStillFit() {
    Map<String, long[]> file = new LinkedHashMap<>(keys("torchvision_resnet50.txt"));
    file.keySet().removeIf(k -> k.endsWith("num_batches_tracked"));
    LoadReport r = OfficialKeyMap.imageNet(ImageNetLayout.TORCHVISION_RESNET, OfficialKeyMap.FOCUS, file, OFFICIAL)
        .report();
    assertTrue(r.complete(), r.message("resnet50-19c8e357"));
    assertEquals(53, r.ignored().size());
  }

  @Test
  void aFileOfTheWrongLayoutIsRefusedWithItsKeys() {
    Map<String, long[]> mbv2 = component("global_CNN.", OFFICIAL);
    LoadReport r = OfficialKeyMap.imageNet(ImageNetLayout.TORCHVISION_RESNET, OfficialKeyMap.FOCUS, mbv2, OFFICIAL)
        .report();
    assertFalse(r.complete());
    assertTrue(r.missing().contains("local_CNN.conv1.weight"));
    assertTrue(r.unexpected().contains("local_CNN.features.0.0.weight"));
    assertEquals(ImageNetLayout.TSM_MOBILENET_V2, ImageNetLayout.detect(mbv2.keySet()).orElseThrow());
  }

  @Test
  void unknownArchitectureIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ImageNetLayout.forArch("vgg16", List.of()));
    assertSame(ImageNetLayout.TORCHVISION_RESNET, ImageNetLayout.forArch("res50", List.of()));
  }

  @Test
  void applyRenamesTheFileTensors() {
    Map<String, HostTensor> file = new LinkedHashMap<>();
    file.put("module.classifier.mlp.layers.0.bias", HostTensor.ofFloats(new long[] {2}, new float[] {1, 2}));
    file.put("module.local_CNN.fc.bias", HostTensor.ofFloats(new long[] {3}, new float[] {1, 2, 3}));
    Map<String, long[]> model = Map.of("classifier.mlp.layers.0.bias", new long[] {2});
    WeightMapping m = OfficialKeyMap.adaFocus(OfficialKeyMap.shapes(file), model);
    Map<String, HostTensor> out = m.apply(file);
    assertEquals(List.of("classifier.mlp.layers.0.bias"), List.copyOf(out.keySet()));
    assertSame(file.get("module.classifier.mlp.layers.0.bias"), out.get("classifier.mlp.layers.0.bias"));
  }
}
