package dev.adafocus.config;

import dev.adafocus.data.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads an experiment config. Resolution order: built-in defaults &lt; the file (after its {@code _base_} files,
 * paths relative to the including file, merged in order) &lt; explicit flags &lt; {@code --cfg-options key=value}.
 * Unknown keys are errors with a "did you mean" hint.
 */
public final class ConfigLoader {
  private static final String BASE_KEY = "_base_";
  private static final String DEFAULTS = "/dev/adafocus/config/defaults.yaml";
  /** Sections whose keys are free-form (checked by the component that reads them). */
  private static final Set<String> OPEN_SECTIONS = Set.of("data.synthetic", "train.lr_ratios", "train.frozen_from_epoch");

  private ConfigLoader() {}

  /** Loads a config file with no overrides. */
  public static ExperimentConfig load(Path file) {
    return load(file, Map.of(), List.of());
  }

  /**
   * Loads {@code file}, applies {@code flags} (dotted key to value, e.g. {@code train.seed} from {@code --seed}),
   * then {@code cfgOptions} ({@code "a.b.c=value"}, values typed as YAML: numbers, booleans, lists, null, text).
   */
  public static ExperimentConfig load(Path file, Map<String, Object> flags, List<String> cfgOptions) {
    ConfigTree tree = new ConfigTree();
    tree.merge(defaults(), "defaults");
    Map<String, Object> schema = defaults();
    readWithBases(file, tree, new ArrayDeque<>());
    flags.forEach((k, v) -> {
      if (v != null) {
        tree.set(k, v, "command-line flag for '" + k + "'");
      }
    });
    for (String option : cfgOptions) {
      int eq = option.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--cfg-options '" + option + "': expected key=value, e.g. train.lr=0.01");
      }
      String key = option.substring(0, eq).trim();
      tree.set(key, parseValue(option.substring(eq + 1)), "--cfg-options " + key);
    }
    checkKnown(tree, tree.root(), schema, "");
    String fileName = file.getFileName().toString();
    String name = fileName.replaceFirst("\\.(ya?ml)$", "");
    return ExperimentConfig.read(name, file, tree);
  }

  /** Types a command-line value the way YAML would (1e-4 and similar are numbers too). */
  static Object parseValue(String text) {
    Object v;
    try {
      v = new Yaml().load(text);
    } catch (YAMLException e) {
      return text;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return s;
      }
    }
    return v;
  }

  private static Map<String, Object> defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULTS);
      }
      return ConfigTree.asMap(new Yaml().load(in));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS, e);
    }
  }

  private static void readWithBases(Path file, ConfigTree tree, Deque<Path> chain) {
    Path normal = file.toAbsolutePath().normalize();
    if (chain.contains(normal)) {
      throw new ConfigException(file + ": _base_ cycle: " + chain + " -> " + normal);
    }
    Map<String, Object> content = parse(file);
    chain.push(normal);
    for (String base : bases(file, content.remove(BASE_KEY))) {
      Path basePath = normal.getParent().resolve(base).normalize();
      if (!Files.isRegularFile(basePath)) {
        throw new ConfigException(file + ": _base_ file '" + base + "' not found (looked for " + basePath + ")");
      }
      readWithBases(basePath, tree, chain);
    }
    chain.pop();
    tree.merge(content, file.toString());
  }

  private static List<String> bases(Path file, Object base) {
    if (base == null) {
      return List.of();
    }
    if (base instanceof String s) {
      return List.of(s);
    }
    if (base instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      for (Object o : l) {
        if (!(o instanceof String s)) {
          throw new ConfigException(file + ": _base_ must list file paths, found " + o);
        }
        out.add(s);
      }
      return out;
    }
    throw new ConfigException(file + ": _base_ must be a path or a list of paths, got " + base);
  }

  private static Map<String, Object> parse(Path file) {
    Object doc;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      doc = new Yaml(options).load(r);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": config file not found");
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      String where = m == null ? "" : ":" + (m.getLine() + 1);
      throw new ConfigException(file + where + ": invalid YAML: " + e.getProblem(), e);
    } catch (YAMLException | IOException e) {
      if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
        throw new ConfigException(TextFiles.notUtf8(file).getMessage(), e);
      }
      throw new ConfigException(file + ": cannot read config: " + e.getMessage(), e);
    }
    if (doc == null) {
      return new LinkedHashMap<>();
    }
    if (!(doc instanceof Map)) {
      throw new ConfigException(file + ": a config file must be a mapping of sections (model, data, train, eval)");
    }
    return new LinkedHashMap<>(ConfigTree.asMap(doc));
  }

  private static void checkKnown(ConfigTree tree, Map<String, Object> node, Map<String, Object> schema, String prefix) {
    for (Map.Entry<String, Object> e : node.entrySet()) {
      String key = e.getKey();
      String dotted = prefix + key;
      if (!schema.containsKey(key)) {
        String hint = Suggestions.closest(key, schema.keySet());
        String where = prefix.isEmpty() ? "top level" : "section '" + prefix.substring(0, prefix.length() - 1) + "'";
        throw new ConfigException(tree.origin(dotted) + ": unknown key '" + dotted + "' in " + where
            + (hint != null ? " (did you mean '" + prefix + hint + "'?)" : "; known keys: " + schema.keySet()));
      }
      Object expected = schema.get(key);
      if (OPEN_SECTIONS.contains(dotted)) {
        continue;
      }
      if (expected instanceof Map && e.getValue() instanceof Map) {
        checkKnown(tree, ConfigTree.asMap(e.getValue()), ConfigTree.asMap(expected), dotted + ".");
      } else if (expected instanceof Map) {
        throw new ConfigException(tree.origin(dotted) + ": '" + dotted + "' is a section; set its keys instead ("
            + ConfigTree.asMap(expected).keySet() + ")");
      } else if (e.getValue() instanceof Map) {
        throw new ConfigException(tree.origin(dotted) + ": '" + dotted + "' is a single value, not a section");
      }
    }
  }
}
