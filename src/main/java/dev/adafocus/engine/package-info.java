/** Thin layer over the Bytedeco PyTorch engine: loading, scopes for native memory, host/engine tensor conversion. */
package dev.adafocus.engine;
