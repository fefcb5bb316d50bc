/** Training infrastructure: the epoch loop, optimiser, schedule, checkpoints, run folders and training listeners. */
package dev.adafocus.train;
