package dev.adafocus.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.io.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One parity case of shared/fixtures: its spec, the state dict rebuilt by the weight rule, the input and the outputs. */
public final class ParityFixture {
  public final JsonObject spec;
  public final long seed;
  public final Map<String, HostTensor> stateDict = new LinkedHashMap<>();
  public final HostTensor input;
  public final Map<String, HostTensor> outputs;

  public ParityFixture(String tag) throws IOException {
    Path dir = Shared.root().resolve("fixtures");
    spec = new Gson().fromJson(Files.readString(dir.resolve(tag + "_spec.json")), JsonObject.class);
    seed = spec.getAsJsonObject("weight_rule").get("seed").getAsLong();
    for (var el : spec.getAsJsonArray("state_dict")) {
      JsonObject e = el.getAsJsonObject();
      long[] shape = shape(e.getAsJsonArray("shape"));
      String name = e.get("name").getAsString();
      if (e.get("dtype").getAsString().equals("int64")) {
        stateDict.put(name, HostTensor.ofLongs(shape, new long[(int) HostTensor.numel(shape)]));
      } else {
        float[] v = SplitMixWeights.values(name, seed, (int) HostTensor.numel(shape),
            e.get("scale_f32").getAsFloat(), e.get("offset_f32").getAsFloat());
        stateDict.put(name, HostTensor.ofFloats(shape, v));
      }
    }
    JsonObject in = spec.getAsJsonObject("input");
    long[] inShape = shape(in.getAsJsonArray("shape"));
    input = HostTensor.ofFloats(inShape, SplitMixWeights.values("input", seed, (int) HostTensor.numel(inShape), 1f, 0f));
    outputs = Safetensors.read(dir.resolve(spec.get("outputs_file").getAsString()));
  }

  /** The spec entry of a state-dict tensor. */
  public JsonObject entry(String name) {
    for (var el : spec.getAsJsonArray("state_dict")) {
      if (el.getAsJsonObject().get("name").getAsString().equals(name)) {
        return el.getAsJsonObject();
      }
    }
    throw new IllegalArgumentException("no state-dict entry " + name);
  }

  public int arg(String key) {
    return spec.getAsJsonObject("args").get(key).getAsInt();
  }

  private static long[] shape(JsonArray a) {
    long[] s = new long[a.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = a.get(i).getAsLong();
    }
    return s;
  }
}
