/** Compute accounting: multiply-accumulates per component, per frame and per video. */
package dev.adafocus.flops;
