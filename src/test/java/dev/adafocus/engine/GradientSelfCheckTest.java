package dev.adafocus.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pre-training check passes where float32 convolution gradients are right (as under the tests' ISA cap). */
class GradientSelfCheckTest {
  @Test
  void float32ConvolutionGradientAgreesWithFloat64() {
    double err = GradientSelfCheck.convInputGradientError();
    assertTrue(err < GradientSelfCheck.TOLERANCE, "relative error " + err);
    assertTrue(err > 0, "float32 cannot match float64 exactly; a zero error means the comparison is broken");
  }
}
