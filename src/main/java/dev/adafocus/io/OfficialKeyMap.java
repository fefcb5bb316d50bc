package dev.adafocus.io;

import dev.adafocus.engine.LoadReport;
import dev.adafocus.engine.HostTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The one rename table between weight files and this project's models. The model's tensor names are the official
 * AdaFocusV2 state-dict keys without {@code module.} ({@code global_CNN.features.N...}, {@code local_CNN.layer1...},
 * {@code policy_stn.gru.weight_ih_l0}, {@code classifier.classifiers.t.1.weight} ...), so a full checkpoint maps by
 * stripping that prefix; ImageNet backbone files map by layout ({@link ImageNetLayout}) plus the component prefix.
 * The backbones' own 1000-way heads ({@code global_CNN.classifier}, {@code global_CNN.fc}, {@code local_CNN.fc}) are
 * never used: they load when the model has them with the same shape and are ignored otherwise, as are
 * {@code num_batches_tracked} counters that only one side has (old files predate them).
 */
public final class OfficialKeyMap {
  /** The glance (global) backbone's component name. */
  public static final String GLANCE = "global_CNN";
  /** The focus (local) backbone's component name. */
  public static final String FOCUS = "local_CNN";

  /** The AdaFocusV2-TSM glance backbone (inside its TSN wrapper). */
  public static final String TSM_GLANCE = GLANCE + ".base_model";
  /** The AdaFocusV2-TSM focus backbone (inside its TSN wrapper). */
  public static final String TSM_FOCUS = FOCUS + ".base_model";
  /** The segment a temporal shift adds to the name of the layer it wraps. */
  private static final String SHIFTED = ".net";

  private static final List<String> UNUSED_HEADS = List.of(GLANCE + ".classifier.", GLANCE + ".fc.", FOCUS + ".fc.");
  private static final String BN_COUNTER = ".num_batches_tracked";

  private OfficialKeyMap() {}

  /** Maps a full AdaFocusV2 checkpoint (the official code's or this project's) onto a model's tensors. */
  public static WeightMapping adaFocus(Map<String, long[]> fileShapes, Map<String, long[]> modelShapes) {
    return match(fileShapes, OfficialKeyMap::stripDataParallel, modelShapes,
        key -> UNUSED_HEADS.stream().anyMatch(key::startsWith));
  }

  /**
   * Maps an ImageNet backbone file onto one component of a model ({@link #GLANCE} or {@link #FOCUS}; for
   * AdaFocusV2-TSM {@link #TSM_GLANCE} or {@link #TSM_FOCUS}); the model's other tensors are not this file's business
   * and are not reported missing. A conv that the model wraps in a temporal shift ({@code X.net.weight}) takes the
   * file's plain {@code X.weight}, as the official code's {@code tune_from} renaming does.
   */
  public static WeightMapping imageNet(ImageNetLayout layout, String component, Map<String, long[]> fileShapes,
      Map<String, long[]> modelShapes) {
    String prefix = component + ".";
    Map<String, long[]> scope = new LinkedHashMap<>();
    modelShapes.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        scope.put(k, v);
      }
    });
    UnaryOperator<String> rename = key -> {
      String plain = prefix + layout.rename(stripDataParallel(key));
      int dot = plain.lastIndexOf('.');
      String shifted = plain.substring(0, dot) + SHIFTED + plain.substring(dot);
      return !scope.containsKey(plain) && scope.containsKey(shifted) ? shifted : plain;
    };
    return match(fileShapes, rename, scope, key -> key.startsWith(prefix + layout.headPrefix()));
  }

  /** The shapes of a file's tensors (what the mapping functions compare). */
  public static Map<String, long[]> shapes(Map<String, HostTensor> tensors) {
    Map<String, long[]> out = new LinkedHashMap<>();
    tensors.forEach((k, v) -> out.put(k, v.shape()));
    return out;
  }

  private static String stripDataParallel(String key) {
    return key.startsWith(CheckpointContents.DATA_PARALLEL_PREFIX)
        ? key.substring(CheckpointContents.DATA_PARALLEL_PREFIX.length()) : key;
  }

  private static WeightMapping match(Map<String, long[]> fileShapes, UnaryOperator<String> rename,
      Map<String, long[]> modelShapes, Predicate<String> unusedHead) {
    Map<String, String> fileToModel = new LinkedHashMap<>();
    List<String> loaded = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    List<LoadReport.ShapeMismatch> mismatched = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    Map<String, String> modelToFile = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : fileShapes.entrySet()) {
      String key = rename.apply(e.getKey());
      long[] want = modelShapes.get(key);
      boolean optional = unusedHead.test(key) || key.endsWith(BN_COUNTER);
      if (want != null && Arrays.equals(want, e.getValue())) {
        fileToModel.put(e.getKey(), key);
        modelToFile.put(key, e.getKey());
        loaded.add(key);
      } else if (optional) {
        ignored.add(key);
      } else if (want == null) {
        unexpected.add(key);
      } else {
        mismatched.add(new LoadReport.ShapeMismatch(key, e.getValue(), want));
        modelToFile.put(key, e.getKey());
      }
    }
    List<String> missing = new ArrayList<>();
    for (String key : modelShapes.keySet()) {
      if (!modelToFile.containsKey(key)) {
        if (key.endsWith(BN_COUNTER) || unusedHead.test(key)) {
          ignored.add(key);
        } else {
          missing.add(key);
        }
      }
    }
    return new WeightMapping(fileToModel, new LoadReport(loaded, missing, unexpected, mismatched, ignored));
  }
}
