/**
 * AdaFocusV2-TSM, the Something-Something / Jester model: TSM backbones in TSN wrappers, a per-video MLP policy and
 * the sum of the glance and focus consensus logits, composed in {@link dev.adafocus.models.tsm.AdaFocusV2Tsm}.
 */
package dev.adafocus.models.tsm;
