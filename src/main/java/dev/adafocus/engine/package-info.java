/**
 * Thin layer over the Bytedeco PyTorch engine: loading, scopes for native memory, host/engine tensor conversion, and
 * oneDNN's fused convolution operators.
 */
package dev.adafocus.engine;
