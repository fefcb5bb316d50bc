/** adafocus-java: spatially adaptive video recognition (AdaFocus V2 and family) on the JVM. */
package dev.adafocus;
