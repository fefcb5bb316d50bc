package dev.adafocus.io;

import dev.adafocus.engine.LoadReport;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.Engine;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusOutput;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.testing.Compare;
import dev.adafocus.testing.ParityFixture;
import dev.adafocus.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.NoGradGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weight files into real models: the official checkpoint layout end to end, ImageNet backbones, refusals. */
class WeightLoaderTest {
  @TempDir Path tmp;

  @Test
  void officialFormatCheckpointReproducesTheOfficialOutputs() throws IOException {
    Engine.init();
    ParityFixture fx = new ParityFixture("actnet_mbv2_p128_T4");
    // The layout V2/A's main_v2.py saves: {'state_dict': DataParallel state dict ("module." keys), ...}
    Map<String, HostTensor> official = new LinkedHashMap<>();
    fx.stateDict.forEach((k, v) -> official.put("module." + k, v));
    Path ckpt = tmp.resolve("ckpt.best.pth.tar");
    TorchCheckpointWriter.write(ckpt, official, Map.of("epoch", 50L, "best_acc", 79.0));
    official.clear();

    AdaFocusV2 model = new AdaFocusV2(AdaFocusConfig.officialMobileNet(fx.arg("patch_size"), fx.arg("num_classes"),
        fx.arg("num_segments")));
    LoadReport r = WeightLoader.loadCheckpoint(model, ckpt);
    assertEquals(fx.stateDict.size(), r.loaded().size(), r.message(ckpt));
    model.eval();
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      AdaFocusOutput o = model.forward(Tensors.fromHost(fx.input));
      Compare.assertClose("actions", fx.outputs.get("actions"), o.actions(), 2e-3);
      Compare.assertClose("cat_logits", fx.outputs.get("cat_logits"),
          o.stepLogits().reshape(-1, o.stepLogits().size(2)), 2e-3);
      Compare.assertClose("cat_pred", fx.outputs.get("cat_pred"), o.prediction(), 2e-3);
    }
  }

  @Test
  void imageNetFileInitialisesOnlyItsBackbone() throws IOException {
    AdaFocusV2 source = new AdaFocusV2(TinyModels.tiny());
    Map<String, HostTensor> file = new LinkedHashMap<>();
    StateDicts.export(source).forEach((k, v) -> {
      if (k.startsWith("local_CNN.") && !k.endsWith("num_batches_tracked")) { // a 2017-style torchvision file
        file.put(k.substring("local_CNN.".length()), v);
      }
    });
    Path f = tmp.resolve("resnet.pth");
    TorchCheckpointWriter.write(f, file, Map.of());

    AdaFocusV2 model = new AdaFocusV2(TinyModels.tiny());
    Map<String, HostTensor> before = StateDicts.export(model);
    LoadReport r = WeightLoader.loadImageNet(model, OfficialKeyMap.FOCUS, "resnet10", f);
    assertEquals(file.size(), r.loaded().size());
    assertTrue(r.ignored().contains("local_CNN.bn1.num_batches_tracked"), r.ignored().toString());
    Map<String, HostTensor> after = StateDicts.export(model);
    for (String k : after.keySet()) {
      HostTensor want = k.startsWith("local_CNN.") && !k.endsWith("num_batches_tracked")
          ? file.get(k.substring("local_CNN.".length())) : before.get(k);
      assertArrayEquals(want.toDoubles(), after.get(k).toDoubles(), 0.0, k);
    }
  }

  @Test
  void imageNetFilesInitialiseTheShiftedTsmBackbones() throws IOException {
    dev.adafocus.models.tsm.TsmConfig shape = new dev.adafocus.models.tsm.TsmConfig(5, 4, 6, 32, 16,
        new dev.adafocus.models.backbones.BackboneSpec("mobilenet_v2", 0.25),
        new dev.adafocus.models.backbones.BackboneSpec("resnet10", 0.25), 8, 0.5);
    dev.adafocus.models.tsm.AdaFocusV2Tsm model = new dev.adafocus.models.tsm.AdaFocusV2Tsm(shape);
    Map<String, HostTensor> before = StateDicts.export(model);
    Map<String, String> probes = Map.of(OfficialKeyMap.TSM_GLANCE, "features.3.conv.0", OfficialKeyMap.TSM_FOCUS,
        "layer1.0.conv1");
    for (var component : Map.of(OfficialKeyMap.TSM_GLANCE, shape.glance(), OfficialKeyMap.TSM_FOCUS, shape.focus())
        .entrySet()) {
      // a plain ImageNet-layout backbone (with its 1000-way head) of the same architecture
      Map<String, HostTensor> file = new LinkedHashMap<>(StateDicts.export(
          (org.bytedeco.pytorch.Module) component.getValue().build()));
      file.keySet().removeIf(k -> k.endsWith("num_batches_tracked"));
      Path f = tmp.resolve(component.getValue().arch() + ".pth");
      TorchCheckpointWriter.write(f, file, Map.of());
      LoadReport r = WeightLoader.loadImageNet(model, component.getKey(), component.getValue().arch(), f);
      long head = file.keySet().stream().filter(k -> k.startsWith("fc.") || k.startsWith("classifier.")).count();
      assertEquals(file.size() - head, r.loaded().size(), r.message(f));
      String probe = probes.get(component.getKey());
      String shifted = component.getKey() + "." + probe + ".net.weight";
      assertTrue(r.loaded().contains(shifted), shifted + " takes the file's " + probe + ".weight");
      assertArrayEquals(file.get(probe + ".weight").toDoubles(), StateDicts.export(model).get(shifted).toDoubles(), 0.0);
    }
    StateDicts.export(model).forEach((k, v) -> {
      if (k.startsWith("policy_stn.") || k.contains("new_fc.") || k.contains("new_new_fc.")) {
        assertArrayEquals(before.get(k).toDoubles(), v.toDoubles(), 0.0, k + " is not a backbone tensor");
      }
    });
  }

  @Test
  void aMismatchedCheckpointIsRefusedBeforeAnythingIsCopied() throws IOException {
    AdaFocusV2 model = new AdaFocusV2(TinyModels.tiny());
    Map<String, HostTensor> state = new LinkedHashMap<>(StateDicts.export(model));
    state.put("classifier.classifiers.0.1.bias", HostTensor.ofFloats(new long[] {7}, new float[7]));
    state.remove("policy_stn.gru.bias_hh_l0");
    Path f = tmp.resolve("other.safetensors");
    Safetensors.write(f, state, Map.of());
    AdaFocusV2 fresh = new AdaFocusV2(TinyModels.tiny());
    Map<String, HostTensor> before = StateDicts.export(fresh);
    CheckpointException e = assertThrows(CheckpointException.class, () -> WeightLoader.loadCheckpoint(fresh, f));
    assertTrue(e.getMessage().contains("policy_stn.gru.bias_hh_l0")
        && e.getMessage().contains("classifier.classifiers.0.1.bias (file [7], model [5])"), e.getMessage());
    StateDicts.export(fresh).forEach((k, v) -> assertEquals(before.get(k).data(), v.data(), k));
  }

  @Test
  void theWrongImageNetLayoutIsNamed() throws IOException {
    AdaFocusV2 model = new AdaFocusV2(TinyModels.tiny());
    Path f = tmp.resolve("mbv2.pth");
    Map<String, HostTensor> file = new LinkedHashMap<>();
    StateDicts.export(model).forEach((k, v) -> {
      if (k.startsWith("global_CNN.")) {
        file.put(k.substring("global_CNN.".length()), v);
      }
    });
    TorchCheckpointWriter.write(f, file, Map.of());
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> WeightLoader.loadImageNet(model, OfficialKeyMap.FOCUS, "resnet10", f));
    assertTrue(e.getMessage().contains("looks like TSM_MOBILENET_V2"), e.getMessage());
  }
}
