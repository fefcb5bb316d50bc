/** AdaFocusV2: one class per component of the paper's figure, composed in {@link dev.adafocus.models.adafocus.AdaFocusV2}. */
package dev.adafocus.models.adafocus;
