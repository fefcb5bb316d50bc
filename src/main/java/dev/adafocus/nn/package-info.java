/**
 * Neural-network layers over the engine whose parameter names follow PyTorch's state-dict conventions, and whole-model
 * inference transforms (BatchNorm folding, channels-last weights, fused activations, chunked batches; {@link
 * dev.adafocus.nn.InferenceOptimisation} applies them).
 */
package dev.adafocus.nn;
