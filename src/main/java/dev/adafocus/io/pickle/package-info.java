/** A small, safe interpreter for the Python pickle format: plain data only, every global resolved through a whitelist. */
package dev.adafocus.io.pickle;
