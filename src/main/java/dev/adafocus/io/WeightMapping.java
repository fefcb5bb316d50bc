package dev.adafocus.io;

import dev.adafocus.engine.LoadReport;
import dev.adafocus.engine.HostTensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which file key feeds which model key (only the ones that fit), with the report of what did not. */
public record WeightMapping(Map<String, String> fileToModel, LoadReport report) {

  public WeightMapping {
    fileToModel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fileToModel));
  }

  /** The file's tensors renamed to model keys, leaving out everything that does not fit. */
  public LinkedHashMap<String, HostTensor> apply(Map<String, HostTensor> fileTensors) {
    LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
    fileToModel.forEach((fileKey, modelKey) -> out.put(modelKey, fileTensors.get(fileKey)));
    return out;
  }
}
