package dev.adafocus.config;

import dev.adafocus.AdaFocusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes a resolved config as block-style YAML that {@link ConfigLoader} reads back to the same experiment. */
public final class ConfigWriter {
  private ConfigWriter() {}

  /** The resolved config as YAML text. */
  public static String toYaml(ExperimentConfig config) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setWidth(120);
    return "# resolved config of " + config.name() + " (from " + config.source() + ")\n"
        + new Yaml(o).dump(mutableCopy(config.resolved()));
  }

  /** Writes the resolved config to {@code file}. */
  public static void write(ExperimentConfig config, Path file) {
    try {
      Files.writeString(file, toYaml(config), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AdaFocusException("cannot write the resolved config to " + file + ": " + e.getMessage(), e);
    }
  }

  /** A read-only deep copy of a key tree. */
  static Map<String, Object> deepCopy(Map<String, Object> tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    tree.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy(ConfigTree.asMap(m))
        : v instanceof List<?> l ? Collections.unmodifiableList(new ArrayList<>(l)) : v));
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Object> mutableCopy(Map<String, Object> tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    tree.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? mutableCopy(ConfigTree.asMap(m))
        : v instanceof List<?> l ? new ArrayList<>(l) : v));
    return out;
  }
}
