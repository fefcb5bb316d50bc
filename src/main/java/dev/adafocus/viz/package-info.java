/** Pictures for people: plots, patch overlays, animations. */
package dev.adafocus.viz;
