package dev.adafocus.engine;

import dev.adafocus.AdaFocusException;
import java.util.Locale;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Parses and checks device names ({@code cpu}, {@code cuda}, {@code cuda:N}), sets the CUDA speed switches and moves
 * batches to a device.
 */
public final class Devices {
  private Devices() {}

  /** The device a name denotes; fails clearly when CUDA is asked for but not usable in this process. */
  public static Device parse(String name) {
    Engine.init();
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("cpu")) {
      return new Device("cpu");
    }
    if (!n.matches("cuda(:\\d+)?")) {
      throw new AdaFocusException("unknown device '" + name + "'; use cpu, cuda or cuda:N");
    }
    if (!torch.cuda_is_available()) {
      throw new AdaFocusException("device '" + name + "' requested but CUDA is not available in this process: build with"
          + " the CUDA profile (mvn -Pcuda package) on a machine with an NVIDIA driver and the CUDA 13 / cuDNN 9"
          + " libraries (README: GPU users)");
    }
    int index = n.contains(":") ? Integer.parseInt(n.substring(5)) : 0;
    int count = torch.cuda_device_count();
    if (index >= count) {
      throw new AdaFocusException("device '" + name + "' requested but only " + count + " CUDA device(s) are visible");
    }
    Device d = new Device(n.contains(":") ? n : "cuda:0");
    // cuDNN autotuning and TF32 tensor cores, as the official training runs use them
    torch.globalContext().setBenchmarkCuDNN(true);
    torch.globalContext().setAllowTF32CuDNN(true);
    torch.globalContext().setAllowTF32CuBLAS(true);
    return d;
  }

  /** {@code t} on {@code device}, or {@code t} itself when the device is null (the CPU, where batches are made). */
  public static Tensor move(Tensor t, Device device) {
    return device == null ? t : t.to(device, t.scalar_type());
  }
}
