/** Video data: sources (frame folders, video files, the built-in benchmark), list files, sampling, batches. */
package dev.adafocus.data;
