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
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[][] gram = new double[d][d];
    double[][] rhs = new double[d][classes];
    double[] centred = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred[j] = xTrain[i][j] - mean[j];
      }
      for (int j = 0; j < d; j++) {
        double xj = centred[j];
        if (xj == 0) {
          continue;
        }
        double[] row = gram[j];
        for (int k = j; k < d; k++) {
          row[k] += xj * centred[k];
        }
        rhs[j][yTrain[i]] += xj;
      }
    }
    double trace = 0;
    for (int j = 0; j < d; j++) {
      trace += gram[j][j];
    }
    double penalty = relativePenalty * Math.max(trace / d, 1e-12);
    for (int j = 0; j < d; j++) {
      gram[j][j] += penalty;
      for (int k = 0; k < j; k++) {
        gram[j][k] = gram[k][j];
      }
    }
    double[][] weights = choleskySolve(gram, rhs);
    int correct = 0;
    for (int i = 0; i < xVal.length; i++) {
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double score = 0;
        for (int j = 0; j < d; j++) {
          score += (xVal[i][j] - mean[j]) * weights[j][c];
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
