/** Frame feature extractors (ResNet, MobileNetV2) with torchvision/TSM state-dict layouts. */
package dev.adafocus.models.backbones;
