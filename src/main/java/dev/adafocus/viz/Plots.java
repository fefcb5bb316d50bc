package dev.adafocus.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line/point charts written as PNG files (learning curves, accuracy versus GFLOPs). */
public final class Plots {
  /** Lines with more points than this are drawn without point markers. */
  private static final int MAX_MARKED_POINTS = 60;
  /** Series colours, distinguishable on white (no yellow). */
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
      new Color(0x7f7f7f), new Color(0xbcbd22)};

  private Plots() {}

  /** One named series of (x, y) points; {@code linesShown=false} draws markers only (e.g. a static model's point). */
  public record Series(String name, double[] x, double[] y, boolean linesShown) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length
            + " y values");
      }
    }
  }

  /** One panel of a stacked chart: its y-axis label and its series. */
  public record Panel(String yLabel, List<Series> series) {}

  /** Writes an XY chart of the given series to a PNG file. */
  public static void writeXY(Path png, String title, String xLabel, String yLabel, List<Series> series,
      int width, int height) throws IOException {
    XYPlot plot = xyPlot(yLabel, series, colours(List.of(new Panel(yLabel, series))));
    plot.setDomainAxis(numberAxis(xLabel));
    save(png, new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), width, height);
  }

  /**
   * Writes panels stacked vertically over one shared x axis (e.g. loss, accuracy and learning rate per epoch). A
   * series name keeps one colour in every panel and appears once in the legend.
   */
  public static void writeStacked(Path png, String title, String xLabel, List<Panel> panels, int width, int height)
      throws IOException {
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(numberAxis(xLabel));
    combined.setGap(12);
    Map<String, Color> colours = colours(panels);
    LegendItemCollection legend = new LegendItemCollection();
    Set<String> named = new HashSet<>();
    for (Panel p : panels) {
      XYPlot plot = xyPlot(p.yLabel(), p.series(), colours);
      combined.add(plot, 1);
      for (int i = 0; i < p.series().size(); i++) {
        if (named.add(p.series().get(i).name())) {
          legend.add(plot.getRenderer().getLegendItem(0, i));
        }
      }
    }
    combined.setFixedLegendItems(legend);
    save(png, new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true), width, height);
  }

  private static NumberAxis numberAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  /** One colour per distinct series name, in order of first appearance (cycling through {@link #PALETTE}). */
  private static Map<String, Color> colours(List<Panel> panels) {
    Map<String, Color> colours = new LinkedHashMap<>();
    for (Panel p : panels) {
      for (Series s : p.series()) {
        colours.putIfAbsent(s.name(), PALETTE[colours.size() % PALETTE.length]);
      }
    }
    return colours;
  }

  private static XYPlot xyPlot(String yLabel, List<Series> series, Map<String, Color> colours) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Series s : series) {
      XYSeries xy = new XYSeries(s.name(), false, true);
      for (int i = 0; i < s.x().length; i++) {
        xy.add(s.x()[i], s.y()[i]);
      }
      data.addSeries(xy);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesLinesVisible(i, series.get(i).linesShown());
      r.setSeriesShapesVisible(i, !series.get(i).linesShown() || series.get(i).x().length <= MAX_MARKED_POINTS);
      r.setSeriesStroke(i, new BasicStroke(2f));
      r.setSeriesPaint(i, colours.get(series.get(i).name()));
      double d = series.get(i).linesShown() ? 6 : 10;
      r.setSeriesShape(i, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
    }
    XYPlot plot = new XYPlot(data, null, numberAxis(yLabel), r);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  private static void save(Path png, JFreeChart chart, int width, int height) throws IOException {
    chart.setBackgroundPaint(Color.WHITE);
    Path abs = png.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    ChartUtils.saveChartAsPNG(abs.toFile(), chart, width, height);
  }
}
