/** Frame feature extractors (ResNet, MobileNetV2) with torchvision/TSM state-dict layouts, and their temporal-shift (TSM) variants. */
package dev.adafocus.models.backbones;
