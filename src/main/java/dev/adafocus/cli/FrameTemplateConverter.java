package dev.adafocus.cli;

import dev.adafocus.data.FrameTemplate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --template} frame-file pattern; a pattern without exactly one number field is a usage error. */
final class FrameTemplateConverter implements ITypeConverter<FrameTemplate> {
  @Override
  public FrameTemplate convert(String value) {
    try {
      return new FrameTemplate(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
