/** Models: backbones and the AdaFocus family. */
package dev.adafocus.models;
