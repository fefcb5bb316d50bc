package dev.adafocus.io;

import dev.adafocus.engine.DType;
import dev.adafocus.io.pickle.PickleCallable;
import dev.adafocus.io.pickle.PickleEnvironment;
import dev.adafocus.io.pickle.PickleException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The globals and persistent ids that {@code torch.save} writes, and nothing else: OrderedDict, the tensor and
 * parameter rebuild functions, the typed storage classes and {@code _codecs.encode} (protocol-2 bytes).
 */
final class TorchPickleEnvironment implements PickleEnvironment {

  /** Creates the storage behind a persistent id ({@code key}, element type, element count, optional view). */
  interface StorageFactory {
    TorchStorage storage(String key, DType dtype, long numel, List<Object> pid);
  }

  /** A storage class named in a checkpoint ({@code torch.FloatStorage} ...): only a type token, never called. */
  record StorageType(String name, DType dtype) implements PickleCallable {
    @Override
    public Object call(List<Object> args) {
      throw new PickleException("constructing " + name + " directly is not supported");
    }
  }

  private static final Map<String, DType> STORAGE_TYPES = Map.of(
      "FloatStorage", DType.F32,
      "HalfStorage", DType.F16,
      "DoubleStorage", DType.F64,
      "BFloat16Storage", DType.BF16,
      "LongStorage", DType.I64,
      "IntStorage", DType.I32,
      "ByteStorage", DType.U8,
      "BoolStorage", DType.BOOL);

  private static final PickleCallable TYPE_TOKEN = args -> {
    throw new PickleException("constructing a tensor type directly is not supported");
  };

  private final StorageFactory factory;
  private final Map<String, TorchStorage> storages = new HashMap<>();

  TorchPickleEnvironment(StorageFactory factory) {
    this.factory = factory;
  }

  @Override
  public PickleCallable global(String module, String name) {
    String full = module + "." + name;
    if ((module.equals("torch") || module.equals("torch.cuda")) && STORAGE_TYPES.containsKey(name)) {
      return new StorageType(full, STORAGE_TYPES.get(name));
    }
    return switch (full) {
      case "collections.OrderedDict" -> TorchPickleEnvironment::orderedDict;
      case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor" -> TorchPickleEnvironment::rebuildTensor;
      case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" -> args -> arg(args, 0);
      case "torch._tensor._rebuild_from_type_v2" -> TorchPickleEnvironment::rebuildFromType;
      case "torch.Tensor", "torch._tensor.Tensor", "torch.nn.parameter.Parameter" -> TYPE_TOKEN;
      case "_codecs.encode" -> TorchPickleEnvironment::encode;
      default -> throw new PickleException("unsupported global '" + full + "': only tensors, parameters and plain "
          + "containers can be read; save the weights alone, e.g. torch.save({'state_dict': model.state_dict()}, path)");
    };
  }

  @Override
  public Object persistentLoad(Object pid) {
    if (!(pid instanceof List<?> t) || t.size() < 5 || !"storage".equals(t.get(0))
        || !(t.get(1) instanceof StorageType type) || !(t.get(2) instanceof String key)
        || !(t.get(4) instanceof Long numel) || numel < 0) {
      throw new PickleException("unsupported persistent id " + pid + " (expected ('storage', torch.<Type>Storage, "
          + "key, location, numel))");
    }
    @SuppressWarnings("unchecked")
    List<Object> tuple = (List<Object>) t;
    return storages.computeIfAbsent(key, k -> factory.storage(k, type.dtype(), numel, tuple));
  }

  private static Object orderedDict(List<Object> args) {
    Map<Object, Object> d = new LinkedHashMap<>();
    if (!args.isEmpty()) {
      if (!(args.get(0) instanceof List<?> pairs)) {
        throw new PickleException("OrderedDict(...) expects a list of pairs");
      }
      for (Object p : pairs) {
        if (!(p instanceof List<?> kv) || kv.size() != 2) {
          throw new PickleException("OrderedDict(...) expects a list of pairs");
        }
        d.put(kv.get(0), kv.get(1));
      }
    }
    return d;
  }

  /** {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])} and the old 4-arg form. */
  private static Object rebuildTensor(List<Object> args) {
    if (args.size() < 4 || !(args.get(0) instanceof TorchStorage storage) || !(args.get(1) instanceof Long offset)) {
      throw new PickleException("malformed tensor record " + args);
    }
    return new TorchTensorRef(storage, offset, longs(args.get(2)), longs(args.get(3)));
  }

  /** {@code _rebuild_from_type_v2(func, type, args, state)}: a plain tensor or parameter wrapped by its type. */
  private static Object rebuildFromType(List<Object> args) {
    if (args.size() < 3 || !(args.get(0) instanceof PickleCallable func) || args.get(1) != TYPE_TOKEN
        || !(args.get(2) instanceof List<?>)) {
      throw new PickleException("unsupported tensor subclass record " + args);
    }
    @SuppressWarnings("unchecked")
    List<Object> inner = (List<Object>) args.get(2);
    return func.call(inner);
  }

  private static Object encode(List<Object> args) {
    if (args.size() != 2 || !(args.get(0) instanceof String s) || !"latin1".equals(args.get(1))) {
      throw new PickleException("unsupported _codecs.encode" + args);
    }
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Object arg(List<Object> args, int i) {
    if (args.size() <= i) {
      throw new PickleException("missing argument " + i + " in " + args);
    }
    return args.get(i);
  }

  private static long[] longs(Object o) {
    if (!(o instanceof List<?> list)) {
      throw new PickleException("expected a tuple of ints, got " + o);
    }
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Long v)) {
        throw new PickleException("expected a tuple of ints, got " + o);
      }
      out[i] = v;
    }
    return out;
  }
}
