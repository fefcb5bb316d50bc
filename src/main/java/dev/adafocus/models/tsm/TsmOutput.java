package dev.adafocus.models.tsm;

import org.bytedeco.pytorch.Tensor;

/**
 * What one forward branch of AdaFocusV2-TSM produces (B videos, C classes).
 *
 * @param prediction the video prediction [B, C]: glance + focus consensus logits of the {@code new_fc} heads
 * @param glanceAux consensus logits of the glance {@code new_new_fc} head [B, C] (auxiliary loss)
 * @param focusAux consensus logits of the focus {@code new_new_fc} head [B, C] (auxiliary loss)
 * @param actions patch locations [B, 2] (a_y, a_x), one per video
 * @param patches the cropped focus patches [B·T_focus, 3, P, P]
 */
public record TsmOutput(Tensor prediction, Tensor glanceAux, Tensor focusAux, Tensor actions, Tensor patches) {}
