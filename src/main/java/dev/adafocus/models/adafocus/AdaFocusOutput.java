package dev.adafocus.models.adafocus;

import org.bytedeco.pytorch.Tensor;

/**
 * What one forward branch of AdaFocusV2 produces.
 *
 * @param stepLogits per-step logits [B, T, C] (step t has seen frames 0..t of the processing order)
 * @param prediction the video prediction, the last step's logits [B, C]
 * @param glanceLogits auxiliary glance logits [B·T, C]
 * @param focusLogits auxiliary focus logits [B·T, C]
 * @param actions patch locations [B·T, 2] (a_y, a_x)
 * @param patches the cropped patches [B·T, 3, P, P]
 */
public record AdaFocusOutput(Tensor stepLogits, Tensor prediction, Tensor glanceLogits, Tensor focusLogits,
    Tensor actions, Tensor patches) {}
