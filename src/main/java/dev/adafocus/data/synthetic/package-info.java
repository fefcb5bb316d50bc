/**
 * The built-in benchmark: procedurally generated cluttered moving-digit videos, deterministic from a seed, with
 * ground-truth object boxes, a no-training difficulty probe and a writer to video files, frame folders and list files.
 */
package dev.adafocus.data.synthetic;
