package dev.adafocus.train;

/** A batch of feature vectors with one label each, and their indices in the toy dataset. */
record ToyBatch(float[] features, long[] targets, long[] indices) {
  int size() {
    return targets.length;
  }
}
