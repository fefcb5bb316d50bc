#!/bin/sh
# Regenerates the decoder fixtures for VideoFileSourceTest with Debian's ffmpeg CLI (apt-get install ffmpeg).
# Run from this folder: sh make_fixture.sh
#   bframes.mp4   H.264 High, 48x32, 25 fps, 24 frames, 3 B-frames, GOP 10
#   vp9.webm      VP9, 48x32, 25 fps, 24 frames, GOP 10, alt-ref frames on
#   *_ref.png     the ffmpeg CLI's own decode of each clip: all frames stacked top to bottom (48 x 24*32),
#                 converted to RGB with the bilinear scaler (the flags the Java decoder uses)
#   *_ref.txt     the number of frames the CLI decoded
# The hue turns 47 degrees per frame, so neighbouring frames differ clearly and an off-by-one shows.
set -e
SRC="testsrc2=size=48x32:rate=25,hue=h=47*n"
ffmpeg -v error -y -f lavfi -i "$SRC" -frames:v 24 -c:v libx264 -profile:v high -pix_fmt yuv420p -bf 3 -g 10 \
  -crf 8 bframes.mp4
ffmpeg -v error -y -f lavfi -i "$SRC" -frames:v 24 -c:v libvpx-vp9 -pix_fmt yuv420p -g 10 -crf 8 -b:v 0 \
  -auto-alt-ref 1 -lag-in-frames 8 vp9.webm
for f in bframes.mp4 vp9.webm; do
  base="${f%.*}"
  ffmpeg -v error -y -i "$f" -fps_mode passthrough -sws_flags bilinear -pix_fmt rgb24 -f rawvideo "$base.rgb"
  bytes=$(stat -c %s "$base.rgb")
  echo $((bytes / (48 * 32 * 3))) > "${base}_ref.txt"
  ffmpeg -v error -y -f rawvideo -pix_fmt rgb24 -s 48x$((32 * $(cat "${base}_ref.txt"))) -i "$base.rgb" \
    "${base}_ref.png"
  rm "$base.rgb"
done
