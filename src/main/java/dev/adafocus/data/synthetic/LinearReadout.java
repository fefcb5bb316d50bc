package dev.adafocus.data.synthetic;

/** Two closed-form linear classifiers on raw feature vectors, used as difficulty probes (no training loop). */
final class LinearReadout {
  private LinearReadout() {}

  /** Val accuracy of assigning each val vector to the class whose train mean is nearest (Euclidean). */
  static double nearestCentroid(float[][] xTrain, int[] yTrain, float[][] xVal, int[] yVal, int classes) {
    int d = xTrain[0].length;
    double[][] centroids = new double[classes][d];
    int[] counts = new int[classes];
    for (int i = 0; i < xTrain.length; i++) {
      counts[yTrain[i]]++;
      for (int j = 0; j < d; j++) {
        centroids[yTrain[i]][j] += xTrain[i][j];
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < d; j++) {
        centroids[c][j] /= Math.max(1, counts[c]);
      }
    }
    int correct = 0;
    for (int i = 0; i < xVal.length; i++) {
      int best = 0;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double dist = 0;
        for (int j = 0; j < d; j++) {
          double diff = xVal[i][j] - centroids[c][j];
          dist += diff * diff;
        }
        if (counts[c] > 0 && dist < bestDistance) {
          bestDistance = dist;
          best = c;
        }
      }
      correct += best == yVal[i] ? 1 : 0;
    }
    return (double) correct / xVal.length;
  }

  /**
   * Val accuracy of one-hot ridge regression on centred features, with penalty {@code relativePenalty} times the
   * mean diagonal of the Gram matrix; the class with the largest score wins.
   */
  static double ridge(float[][] xTrain, int[] yTrain, float[][] xVal, int[] yVal, int classes,
      double relativePenalty) {
    int n = xTrain.length;
    int d = xTrain[0].length;
    double[] mean = new double[d];
    for (float[] x : xTrain) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[j];
      }
    }
    double[][] centred = new double[n][d];
    double trace = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred[i][j] = xTrain[i][j] - mean[j] / n;
        trace += centred[i][j] * centred[i][j];
      }
    }
    double penalty = relativePenalty * Math.max(trace / d, 1e-12);
    double[][] weights = n < d ? dualWeights(centred, yTrain, classes, penalty)
        : primalWeights(centred, yTrain, classes, penalty);
    int correct = 0;
    for (int i = 0; i < xVal.length; i++) {
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double score = 0;
        for (int j = 0; j < d; j++) {
          score += (xVal[i][j] - mean[j] / n) * weights[j][c];
        }
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      correct += best == yVal[i] ? 1 : 0;
    }
    return (double) correct / xVal.length;
  }

  /** Ridge weights (d × classes) from (XᵀX + λI) W = XᵀY: cheaper when there are more samples than features. */
  static double[][] primalWeights(double[][] x, int[] labels, int classes, double penalty) {
    int d = x[0].length;
    double[][] gram = new double[d][d];
    double[][] rhs = new double[d][classes];
    for (int i = 0; i < x.length; i++) {
      double[] xi = x[i];
      for (int j = 0; j < d; j++) {
        double xj = xi[j];
        double[] row = gram[j];
        for (int k = j; k < d; k++) {
          row[k] += xj * xi[k];
        }
        rhs[j][labels[i]] += xj;
      }
    }
    for (int j = 0; j < d; j++) {
      gram[j][j] += penalty;
      for (int k = 0; k < j; k++) {
        gram[j][k] = gram[k][j];
      }
    }
    return choleskySolve(gram, rhs);
  }

  /** The same weights as W = Xᵀ A with (XXᵀ + λI) A = Y: cheaper when there are fewer samples than features. */
  static double[][] dualWeights(double[][] x, int[] labels, int classes, double penalty) {
    int n = x.length;
    int d = x[0].length;
    double[][] kernel = new double[n][n];
    double[][] oneHot = new double[n][classes];
    for (int i = 0; i < n; i++) {
      oneHot[i][labels[i]] = 1;
      for (int k = 0; k <= i; k++) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += x[i][j] * x[k][j];
        }
        kernel[i][k] = dot;
        kernel[k][i] = dot;
      }
      kernel[i][i] += penalty;
    }
    double[][] alpha = choleskySolve(kernel, oneHot);
    double[][] weights = new double[d][classes];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        for (int c = 0; c < classes; c++) {
          weights[j][c] += x[i][j] * alpha[i][c];
        }
      }
    }
    return weights;
  }

  /** Solves A X = B for a symmetric positive-definite A (overwritten by its Cholesky factor). */
  static double[][] choleskySolve(double[][] a, double[][] b) {
    int d = a.length;
    for (int j = 0; j < d; j++) {
      double diag = a[j][j];
      for (int k = 0; k < j; k++) {
        diag -= a[j][k] * a[j][k];
      }
      if (!(diag > 0)) {
        throw new ArithmeticException("matrix is not positive definite at row " + j);
      }
      a[j][j] = Math.sqrt(diag);
      for (int i = j + 1; i < d; i++) {
        double s = a[i][j];
        double[] ri = a[i];
        double[] rj = a[j];
        for (int k = 0; k < j; k++) {
          s -= ri[k] * rj[k];
        }
        ri[j] = s / a[j][j];
      }
    }
    int m = b[0].length;
    double[][] x = new double[d][m];
    for (int c = 0; c < m; c++) {
      double[] y = new double[d];
      for (int i = 0; i < d; i++) {
        double s = b[i][c];
        for (int k = 0; k < i; k++) {
          s -= a[i][k] * y[k];
        }
        y[i] = s / a[i][i];
      }
      for (int i = d - 1; i >= 0; i--) {
        double s = y[i];
        for (int k = i + 1; k < d; k++) {
          s -= a[k][i] * x[k][c];
        }
        x[i][c] = s / a[i][i];
      }
    }
    return x;
  }
}
