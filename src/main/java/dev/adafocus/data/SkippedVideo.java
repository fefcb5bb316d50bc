package dev.adafocus.data;

/** A video left out under {@link BadVideoPolicy#SKIP}, with the error that caused it. */
public record SkippedVideo(String videoId, String where, String reason) {}
