package dev.adafocus.cli;

import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.backbones.BackboneSpec;
import java.util.Iterator;
import picocli.CommandLine.Option;

/** Command-line description of a model shape (defaults: the official ActivityNet MobileNetV2 + ResNet-50 model). */
public final class ModelOptions {
  @Option(names = "--num-classes", description = "Number of classes.")
  int numClasses = 200;

  @Option(names = "--frames", description = "Frames per video T.")
  int frames = 16;

  @Option(names = "--input-size", description = "Frame side S.")
  int inputSize = 224;

  @Option(names = "--patch-size", description = "Patch side P.")
  int patchSize = 128;

  @Option(names = "--glance", completionCandidates = Backbones.class, description = "Glance backbone: "
      + "${COMPLETION-CANDIDATES}.")
  String glance = "mobilenet_v2";

  @Option(names = "--glance-width", description = "Glance width multiplier.")
  double glanceWidth = 1.0;

  @Option(names = "--glance-size", description = "Glance input side (0 = full frame; 96 for the ResNet-50 glance).")
  int glanceSize = 0;

  @Option(names = "--focus", completionCandidates = Backbones.class, description = "Focus backbone: "
      + "${COMPLETION-CANDIDATES}.")
  String focus = "resnet50";

  @Option(names = "--focus-width", description = "Focus width multiplier.")
  double focusWidth = 1.0;

  @Option(names = "--policy-hidden", description = "Policy GRU width (stn_hidden_dim).")
  int policyHidden = 2048;

  @Option(names = "--classifier-hidden", description = "Classifier MLP width.")
  int classifierHidden = 4096;

  /** The backbone names {@link BackboneSpec} accepts, for the help of {@code --glance} and {@code --focus}. */
  static final class Backbones implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return BackboneSpec.ARCHITECTURES.iterator();
    }
  }

  /** The configuration these options describe; an invalid shape is a usage error of {@code command}. */
  public AdaFocusConfig resolve(picocli.CommandLine command) {
    try {
      return new AdaFocusConfig(numClasses, frames, inputSize, patchSize, new BackboneSpec(glance, glanceWidth), glanceSize,
          new BackboneSpec(focus, focusWidth), policyHidden, classifierHidden, 0.2, 0.2);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(command, e.getMessage());
    }
  }
}
