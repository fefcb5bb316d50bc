/** Neural-network layers over the engine whose parameter names follow PyTorch's state-dict conventions. */
package dev.adafocus.nn;
