package dev.adafocus.exit;

/** Cost and accuracy of one way of running a model over a validation set (GFLOPs per video, top-1 %, mAP %). */
public record Score(double gflops, double top1, double map) {}
