package dev.adafocus.exit;

/** The accuracy an operating point is chosen and plotted by: top-1 (Mini-Kinetics) or mAP (ActivityNet, FCVID). */
public enum SelectionMetric {
  TOP1("top1", "top-1 (%)"),
  MAP("map", "mAP (%)");

  private final String key;
  private final String label;

  SelectionMetric(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The metric named {@code top1} or {@code map}, in any letter case. */
  public static SelectionMetric fromKey(String key) {
    for (SelectionMetric m : values()) {
      if (m.key.equalsIgnoreCase(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + key + "' (expected top1 or map)");
  }

  /** Short name used on the command line and in JSON: {@code top1} or {@code map}. */
  public String key() {
    return key;
  }

  /** Axis label, e.g. "mAP (%)". */
  public String label() {
    return label;
  }

  /** This metric's value in a score. */
  public double of(Score score) {
    return this == TOP1 ? score.top1() : score.map();
  }
}
