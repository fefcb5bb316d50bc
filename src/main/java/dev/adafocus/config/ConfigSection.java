package dev.adafocus.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed, validating access to one section of a {@link ConfigTree}; errors name the source and the dotted key. */
final class ConfigSection {
  private final ConfigTree tree;
  private final String prefix;

  ConfigSection(ConfigTree tree, String section) {
    this.tree = tree;
    this.prefix = section.isEmpty() ? "" : section + ".";
  }

  /** The section below {@code key} (e.g. {@code data.synthetic} from {@code data}). */
  ConfigSection sub(String key) {
    return new ConfigSection(tree, prefix + key);
  }

  /** The keys present in this section, in file order. */
  java.util.Set<String> keys() {
    Object node = prefix.isEmpty() ? tree.root() : tree.get(prefix.substring(0, prefix.length() - 1));
    return node instanceof Map ? ConfigTree.asMap(node).keySet() : java.util.Set.of();
  }

  Object raw(String key) {
    return tree.get(prefix + key);
  }

  /** An error about {@code key} of this section ({@code ""}: the section itself), naming where its value came from. */
  ConfigException error(String key, String problem) {
    String dotted = key.isEmpty() ? prefix.substring(0, Math.max(0, prefix.length() - 1)) : prefix + key;
    return new ConfigException(tree.origin(dotted) + ": '" + dotted + "': " + problem);
  }

  String str(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      throw error(key, "expected a text value, got " + describe(v));
    }
    return String.valueOf(v);
  }

  String requiredStr(String key) {
    String s = str(key);
    if (s == null || s.isBlank()) {
      throw error(key, "must be set");
    }
    return s;
  }

  String oneOf(String key, Collection<String> allowed) {
    String s = requiredStr(key);
    if (!allowed.contains(s)) {
      String hint = Suggestions.closest(s, allowed);
      throw error(key, "'" + s + "' is not one of " + allowed + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }
    return s;
  }

  double dbl(String key) {
    Object v = raw(key);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(key, "expected a number, got " + describe(v));
  }

  Double nullableDbl(String key) {
    return raw(key) == null ? null : dbl(key);
  }

  double nonNegative(String key) {
    double d = dbl(key);
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw error(key, "expected a finite number >= 0, got " + d);
    }
    return d;
  }

  double probability(String key) {
    double d = dbl(key);
    if (!(d >= 0 && d < 1)) {
      throw error(key, "expected a probability in [0, 1), got " + d);
    }
    return d;
  }

  long lng(String key) {
    Object v = raw(key);
    if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
      return ((Number) v).longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(key, "expected an integer, got " + describe(v));
  }

  int integer(String key, int min) {
    long l = lng(key);
    if (l < min || l > Integer.MAX_VALUE) {
      throw error(key, "expected an integer >= " + min + ", got " + l);
    }
    return (int) l;
  }

  boolean bool(String key) {
    Object v = raw(key);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw error(key, "expected true or false, got " + describe(v));
  }

  List<Double> doubles(String key) {
    Object v = raw(key);
    if (!(v instanceof List<?> list)) {
      throw error(key, "expected a list of numbers like [1, 0.875], got " + describe(v));
    }
    List<Double> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Number n)) {
        throw error(key, "expected a list of numbers, found element " + describe(o));
      }
      out.add(n.doubleValue());
    }
    return List.copyOf(out);
  }

  /** A sub-map of number values (e.g. lr ratios per parameter group), in file order. */
  Map<String, Double> numberMap(String key) {
    Object v = raw(key);
    if (!(v instanceof Map<?, ?> m)) {
      throw error(key, "expected a mapping of name: number, got " + describe(v));
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String name = String.valueOf(e.getKey());
      out.put(name, new ConfigSection(tree, prefix + key).nonNegative(name));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static String describe(Object v) {
    if (v == null) {
      return "nothing (null)";
    }
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    if (v instanceof Map) {
      return "a mapping";
    }
    if (v instanceof List) {
      return "a list " + v;
    }
    return String.valueOf(v);
  }
}
