/** Evaluation metrics with the official AdaFocus semantics: top-k accuracy and multi-label mean average precision. */
package dev.adafocus.eval;
