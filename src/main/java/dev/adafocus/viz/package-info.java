/**
 * Pictures for people: where the model looked ({@link dev.adafocus.viz.FocusTrace} drawn by
 * {@link dev.adafocus.viz.PatchOverlay} and {@link dev.adafocus.viz.ContactSheet}, written as GIF/MP4 by
 * {@link dev.adafocus.viz.AnimationWriter}) and a run folder's plots ({@link dev.adafocus.viz.RunPlots}).
 */
package dev.adafocus.viz;
