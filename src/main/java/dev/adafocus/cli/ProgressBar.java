package dev.adafocus.cli;

import java.io.PrintWriter;

/** A one-line text progress bar redrawn in place on the error stream. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final long startNanos = System.nanoTime();

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /** Redraws the bar for {@code done} of {@code total} items, with a short note; ends the line when complete. */
  void update(int done, int total, String note) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    double eta = done == 0 ? 0 : elapsed / done * (total - done);
    err.printf("\r[%s%s] %d/%d  %.0fs elapsed, eta %.0fs  %s", "#".repeat(filled), ".".repeat(WIDTH - filled), done,
        total, elapsed, eta, note);
    if (done >= total) {
      err.println();
    }
    err.flush();
  }
}
