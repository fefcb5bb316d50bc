/** Weight and tensor file formats: safetensors, PyTorch checkpoints. */
package dev.adafocus.io;
