package dev.adafocus.models.adafocus;

import dev.adafocus.flops.FlopCounter;
import dev.adafocus.nn.Activation;
import dev.adafocus.nn.BatchNorm;
import dev.adafocus.nn.Conv2d;
import dev.adafocus.nn.Gru;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Linear;
import dev.adafocus.nn.Sequential;
import org.bytedeco.pytorch.Tensor;

/**
 * π: per frame, conv1×1 → 64 (no bias), BN, tanh, flatten, Linear → H, BN1d, tanh; a GRU(H) over the frames
 * (h0 = 0); Linear → 2 and sigmoid. Output a_t = (a_y, a_x) ∈ (0,1)², the normalised top-left corner of the patch.
 * State-dict names: {@code policy_stn.encoder.{0,1,4,5}}, {@code policy_stn.gru.*}, {@code policy_stn.fc.0}.
 */
public final class PolicyNetwork extends Layer {
  private final Sequential encoder;
  private final Gru gru;
  private final Sequential fc;

  PolicyNetwork(long mapChannels, long mapSize, int hidden) {
    encoder = add("encoder", new Sequential(
        new Conv2d(mapChannels, 64, 1, 1, 0, 1, false), new BatchNorm(64), Activation.tanh(), Activation.flatten(),
        new Linear(64 * mapSize * mapSize, hidden), new BatchNorm(hidden), Activation.tanh()));
    gru = add("gru", new Gru(hidden, hidden));
    fc = add("fc", new Sequential(new Linear(hidden, 2), Activation.sigmoid()));
  }

  /** Encodes glance maps [N, C, h, w] (detached by the caller) into GRU inputs [N, H]. */
  public Tensor encode(Tensor maps) {
    try (FlopCounter.Section s = FlopCounter.section("policy")) {
      return encoder.forward(maps);
    }
  }

  /** One recurrent step: encoded frame [B, H] and state [B, H] → new state [B, H]. */
  public Tensor step(Tensor encoded, Tensor state) {
    try (FlopCounter.Section s = FlopCounter.section("policy")) {
      return gru.step(encoded, state);
    }
  }

  /** The zero initial state for {@code batch} videos. */
  public Tensor initialState(long batch, Tensor like) {
    return gru.initialState(batch, like);
  }

  /** Patch location from a state: [B, H] → [B, 2]. */
  public Tensor locate(Tensor state) {
    try (FlopCounter.Section s = FlopCounter.section("policy")) {
      return fc.forward(state);
    }
  }

  /** All frames at once: maps [B·T, C, h, w] (video-major) → actions [B·T, 2]. */
  public Tensor forward(Tensor maps, long frames) {
    Tensor encoded = encode(maps);
    long batch = encoded.size(0) / frames;
    Tensor sequence = encoded.view(batch, frames, encoded.size(1));
    Tensor states;
    try (FlopCounter.Section s = FlopCounter.section("policy")) {
      states = gru.forward(sequence);
    }
    return locate(states.reshape(batch * frames, states.size(2)));
  }

  @Override
  public Tensor forward(Tensor x) {
    throw new UnsupportedOperationException("use forward(maps, frames): the policy needs the number of frames per video");
  }
}
