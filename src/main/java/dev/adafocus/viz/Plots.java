package dev.adafocus.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line/point charts written as PNG files (learning curves, accuracy versus GFLOPs). */
public final class Plots {
  private Plots() {}

  /** One named series of (x, y) points; {@code linesShown=false} draws markers only (e.g. a static model's point). */
  public record Series(String name, double[] x, double[] y, boolean linesShown) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
      }
    }
  }

  /** One panel of a stacked chart: its y-axis label and its series. */
  public record Panel(String yLabel, List<Series> series) {}

  /** Writes an XY chart of the given series to a PNG file. */
  public static void writeXY(Path png, String title, String xLabel, String yLabel, List<Series> series,
      int width, int height) throws IOException {
    XYPlot plot = xyPlot(yLabel, series);
    plot.setDomainAxis(numberAxis(xLabel));
    save(png, new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), width, height);
  }

  /** Writes panels stacked vertically over one shared x axis (e.g. loss, accuracy and learning rate per epoch). */
  public static void writeStacked(Path png, String title, String xLabel, List<Panel> panels, int width, int height)
      throws IOException {
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(numberAxis(xLabel));
    combined.setGap(12);
    for (Panel p : panels) {
      combined.add(xyPlot(p.yLabel(), p.series()), 1);
    }
    save(png, new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true), width, height);
  }

  private static NumberAxis numberAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  private static XYPlot xyPlot(String yLabel, List<Series> series) {
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
      r.setSeriesShapesVisible(i, true);
      r.setSeriesStroke(i, new BasicStroke(2f));
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
