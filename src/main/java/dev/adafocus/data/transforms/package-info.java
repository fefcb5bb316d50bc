/** Clip transforms applied identically to every frame of a clip: crops, resizes, flips, normalisation. */
package dev.adafocus.data.transforms;
