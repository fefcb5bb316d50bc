package dev.adafocus.io;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the state dict inside an unpickled checkpoint: the object itself when it maps names to tensors, else the
 * dict under {@code state_dict} (or {@code model}); the other top-level scalars become extras.
 */
final class CheckpointContents {
  static final String DATA_PARALLEL_PREFIX = "module.";
  private static final String[] WRAPPER_KEYS = {"state_dict", "model"};

  private CheckpointContents() {}

  /** Materialises the state dict of {@code top} and collects its extras. */
  static WeightFile select(Path file, WeightFile.Format format, Object top) {
    if (!(top instanceof Map<?, ?> root)) {
      throw new CheckpointException(file + ": holds a " + describe(top) + ", not a state_dict or a dict holding one");
    }
    Map<?, ?> stateDict = root;
    Object wrapperKey = null;
    for (String k : WRAPPER_KEYS) {
      if (root.get(k) instanceof Map<?, ?> inner) {
        stateDict = inner;
        wrapperKey = k;
        break;
      }
    }
    LinkedHashMap<String, HostTensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : stateDict.entrySet()) {
      if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TorchTensorRef ref)) {
        throw new CheckpointException(file + ": entry '" + e.getKey() + "' " + (wrapperKey == null ? "" : "of '"
            + wrapperKey + "' ") + "is a " + describe(e.getValue()) + ", not a tensor; top-level keys: " + root.keySet()
            + " (expected a state_dict, or a dict holding one under 'state_dict')");
      }
      String key = name.startsWith(DATA_PARALLEL_PREFIX) ? name.substring(DATA_PARALLEL_PREFIX.length()) : name;
      if (tensors.put(key, ref.materialize(name, file)) != null) {
        throw new CheckpointException(file + ": key '" + key + "' occurs both with and without the 'module.' prefix");
      }
    }
    Map<String, Object> extras = new LinkedHashMap<>();
    if (wrapperKey != null) {
      for (Map.Entry<?, ?> e : root.entrySet()) {
        Object scalar = scalar(e.getValue(), file, e.getKey());
        if (!e.getKey().equals(wrapperKey) && e.getKey() instanceof String k && scalar != null) {
          extras.put(k, scalar);
        }
      }
    }
    return new WeightFile(file, format, tensors, extras);
  }

  /** Numbers, strings, booleans and one-element tensors as Java values; null for anything else. */
  private static Object scalar(Object v, Path file, Object key) {
    if (v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof TorchTensorRef t && HostTensor.numel(t.size()) == 1) {
      return t.materialize(String.valueOf(key), file).toDoubles()[0];
    }
    return null;
  }

  private static String describe(Object o) {
    if (o == null) {
      return "None";
    }
    if (o instanceof TorchTensorRef) {
      return o.toString();
    }
    if (o instanceof Map) {
      return "dict";
    }
    return o instanceof java.util.List ? "list/tuple" : o.getClass().getSimpleName();
  }
}
