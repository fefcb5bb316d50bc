/**
 * Conditional exit (AdaFocusV2+, dossier §4.1–4.2): per-step cost tables, logits dumps, the MSDNet-style threshold
 * fitting on training logits, the one exit decision shared by offline evaluation and runtime stepping, the sweep of
 * operating points over q and the thresholds file.
 */
package dev.adafocus.exit;
