/** Experiment configuration: YAML files with inheritance, dotted overrides, validation into typed records. */
package dev.adafocus.config;
