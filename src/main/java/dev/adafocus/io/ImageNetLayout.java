package dev.adafocus.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Key layouts of the ImageNet backbone files the official code initialises from, and how each maps onto ours. */
public enum ImageNetLayout {
  /** torchvision ResNet ({@code resnet50-19c8e357.pth}): {@code conv1, bn1, layer1..4, fc}; kept as is. */
  TORCHVISION_RESNET("layer1.0.conv1.weight", "fc.", UnaryOperator.identity()),
  /** tonylins/TSM MobileNetV2 ({@code mobilenetv2_1.0-f2a8633.pth.tar}): {@code features.N.conv.M, classifier}; kept as is. */
  TSM_MOBILENET_V2("features.1.conv.0.weight", "classifier.", UnaryOperator.identity()),
  /** torchvision MobileNetV2 ({@code features.N.conv.M.K}, {@code classifier.1}): renamed to the TSM layout. */
  TORCHVISION_MOBILENET_V2("features.1.conv.0.0.weight", "classifier.", ImageNetLayout::torchvisionToTsm);

  private static final Pattern MBV2_BLOCK = Pattern.compile("features\\.(\\d+)\\.conv\\.(\\d+)(\\.\\d+)?\\.(.+)");
  /** Index in the TSM block of each torchvision sub-module: [conv.0.0, conv.0.1, conv.1.0, conv.1.1, conv.2, conv.3]. */
  private static final int[] EXPANDED = {0, 1, 3, 4, 6, 7};
  /** The same for the first block (no expansion): [conv.0.0, conv.0.1, conv.1, conv.2]. */
  private static final int[] FIRST = {0, 1, 3, 4};

  private final String anchorKey;
  private final String headPrefix;
  private final UnaryOperator<String> rename;

  ImageNetLayout(String anchorKey, String headPrefix, UnaryOperator<String> rename) {
    this.anchorKey = anchorKey;
    this.headPrefix = headPrefix;
    this.rename = rename;
  }

  /** Prefix of the file's 1000-way ImageNet classifier, which AdaFocus never uses. */
  public String headPrefix() {
    return headPrefix;
  }

  /** A file key renamed to the backbone's own key (without the component prefix). */
  public String rename(String fileKey) {
    return rename.apply(fileKey);
  }

  /** The layout whose anchor key the file has, if any. */
  public static Optional<ImageNetLayout> detect(Collection<String> fileKeys) {
    for (ImageNetLayout l : values()) {
      if (fileKeys.contains(l.anchorKey)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /**
   * The layout for a backbone architecture name ({@code resnet50}, {@code res50}, {@code mbv2}, {@code mobilenetv2}),
   * refined by the file's keys for MobileNetV2, whose ImageNet files come in two layouts.
   */
  public static ImageNetLayout forArch(String arch, Collection<String> fileKeys) {
    String a = arch.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    if (a.startsWith("res")) {
      return TORCHVISION_RESNET;
    }
    if (a.startsWith("mbv2") || a.startsWith("mobilenetv2")) {
      return fileKeys.contains(TORCHVISION_MOBILENET_V2.anchorKey) ? TORCHVISION_MOBILENET_V2 : TSM_MOBILENET_V2;
    }
    throw new IllegalArgumentException("no ImageNet weight layout for backbone '" + arch
        + "' (known: resnet50, mbv2)");
  }

  private static String torchvisionToTsm(String key) {
    if (key.startsWith("classifier.1.")) {
      return "classifier." + key.substring("classifier.1.".length());
    }
    Matcher m = MBV2_BLOCK.matcher(key);
    if (!m.matches()) {
      return key;
    }
    int block = Integer.parseInt(m.group(1));
    int module = Integer.parseInt(m.group(2));
    int[] table = block == 1 ? FIRST : EXPANDED;
    int position = module < 2 && m.group(3) != null ? 2 * module + Integer.parseInt(m.group(3).substring(1))
        : (block == 1 ? module + 1 : module + 2);
    if (position >= table.length) {
      return key;
    }
    return "features." + block + ".conv." + table[position] + "." + m.group(4);
  }
}
