package dev.adafocus.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
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

  /** Writes an XY chart of the given series to a PNG file. */
  public static void writeXY(Path png, String title, String xLabel, String yLabel, List<Series> series,
      int width, int height) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Series s : series) {
      XYSeries xy = new XYSeries(s.name(), false, true);
      for (int i = 0; i < s.x().length; i++) {
        xy.add(s.x()[i], s.y()[i]);
      }
      data.addSeries(xy);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesLinesVisible(i, series.get(i).linesShown());
      r.setSeriesShapesVisible(i, true);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    plot.getRangeAxis().setAutoRange(true);
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    Path abs = png.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    ChartUtils.saveChartAsPNG(abs.toFile(), chart, width, height);
  }
}
