/** The AdaFocusV2 recipe: builds model, trainable task and data splits from a config for the trainer and evaluator. */
package dev.adafocus.recipe;
