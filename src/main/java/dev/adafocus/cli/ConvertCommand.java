package dev.adafocus.cli;

import com.google.gson.Gson;
import dev.adafocus.io.WeightConversion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code adafocus convert IN OUT}: converts weight files between PyTorch checkpoints and safetensors. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Converts weights between PyTorch checkpoints (.pth/.pth.tar/.pt, zip or legacy format, read "
        + "without Python) and safetensors.",
        "The input format is recognised from the content; the output is safetensors when OUT ends in .safetensors, "
            + "else a torch.save-compatible zip checkpoint {'state_dict': ..., epoch, ...}. A 'module.' prefix "
            + "(DataParallel) is always removed when reading PyTorch checkpoints.",
        "A training checkpoint written by 'adafocus train' (a run folder's last or best_<metric> file) gives its "
            + "model weights only, without their 'model.' prefix (before --strip-prefix and --add-prefix apply); the "
            + "optimiser state is left out, as the summary line says. The output loads with 'adafocus test'."},
    footer = {"%nExamples:",
        "  adafocus convert actnet_p128_mbv2.pth.tar actnet_p128_mbv2.safetensors",
        "  adafocus convert RUN_DIR/best_top1.safetensors mine.safetensors",
        "  adafocus convert RUN_DIR/best_top1.safetensors official_layout.pth.tar --add-prefix module."})
public final class ConvertCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IN", description = "weight file to read")
  Path input;

  @Parameters(index = "1", paramLabel = "OUT", description = "weight file to write (.safetensors or .pth/.pth.tar)")
  Path output;

  @Option(names = "--strip-prefix", paramLabel = "<prefix>",
      description = "remove this prefix from keys that have it (repeatable; the first match applies)")
  List<String> stripPrefixes = new ArrayList<>();

  @Option(names = "--add-prefix", paramLabel = "<prefix>", defaultValue = "",
      description = "prepend this to every key (e.g. 'module.' for the official DataParallel layout)")
  String addPrefix;

  @Option(names = "--json", description = "print a JSON summary as the last line")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    WeightConversion.Result r = WeightConversion.convert(input, output, stripPrefixes, addPrefix);
    var out = spec.commandLine().getOut();
    out.println(r.summary());
    if (json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("input", r.input().toString());
      j.put("input_format", r.inputFormat().name());
      j.put("output", r.output().toString());
      j.put("output_format", r.outputFormat().name());
      j.put("tensors", r.tensors());
      j.put("bytes", r.bytes());
      j.put("extras", r.extras());
      out.println(new Gson().toJson(j));
    }
    return 0;
  }
}
