package dev.adafocus.cli;

import dev.adafocus.engine.CpuBfloat16;
import dev.adafocus.engine.Engine;
import dev.adafocus.engine.FusedConvolution;
import dev.adafocus.nn.Precision;
import java.io.PrintWriter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The {@code --precision} option of the inference commands: the format the CNN backbones compute in. */
public final class PrecisionOption {
  @Option(names = "--precision", paramLabel = "fp32|bf16", converter = Parser.class, description = "Format the glance "
      + "and focus CNNs compute in: fp32, or bf16 (bfloat16: 2-3.5x faster on CPUs with AMX or AVX-512 BF16, several "
      + "times slower than fp32 on CPUs without them; policy, crop and classifier stay fp32; logits and patch "
      + "locations move slightly, so a few predictions can change).")
  Precision precision = Precision.FLOAT32;

  /** The chosen precision; warns on {@code err} when bfloat16 would run emulated, slower than float32. */
  public Precision get(PrintWriter err) {
    if (precision == Precision.BFLOAT16 && !(FusedConvolution.bfloat16Supported() && CpuBfloat16.inHardware())) {
      err.println("warning: no bfloat16 instructions (AVX-512 BF16 or AMX) on this CPU or under ONEDNN_MAX_CPU_ISA="
          + Engine.onednnIsa() + "; bf16 runs emulated here, several times slower than fp32");
      err.flush();
    }
    return precision;
  }

  /** Reads {@code fp32} or {@code bf16}. */
  static final class Parser implements ITypeConverter<Precision> {
    @Override
    public Precision convert(String value) {
      return Precision.parse(value);
    }
  }
}
