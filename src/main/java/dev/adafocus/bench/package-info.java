/**
 * Speed measurement: interleaved latency/throughput of AdaFocusV2 against full-frame baselines, training-step time
 * and native memory over iterations, with the inference optimisations of {@code nn.InferenceOptimisation} applied.
 */
package dev.adafocus.bench;
