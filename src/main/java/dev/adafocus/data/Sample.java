package dev.adafocus.data;

/**
 * One loaded clip as Java arrays: per view, normalised frames in the [T·3, H, W] layout; the training target; all
 * of the video's labels; its id (the list path) and its position in the dataset.
 */
public record Sample(String videoId, int index, float[][] views, int height, int width, int target, int[] labels) {}
