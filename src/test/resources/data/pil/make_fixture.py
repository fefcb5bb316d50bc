#!/usr/bin/python3
"""Regenerates the PIL reference images for PilBilinearTest (needs Debian's python3-pil and python3-numpy).

Run from this folder: /usr/bin/python3 make_fixture.py
input.png       a 37x29 RGB image: smooth gradients plus noise plus a sharp edge
down_16x12.png  input.resize((16, 12), BILINEAR)              (antialiased downscale)
up_50x41.png    input.resize((50, 41), BILINEAR)              (upscale)
crop_resize.png input.crop((5, 3, 5 + 27, 3 + 21)).resize((24, 24), BILINEAR)   (multi-scale-crop path)
eval_20_16.png  shorter side to 20 (torchvision 0.8 Resize: long side int(20 * 37 / 29)), centre crop 16
"""
import numpy as np
from PIL import Image

rng = np.random.default_rng(20261126)
h, w = 29, 37
y, x = np.mgrid[0:h, 0:w]
img = np.stack([x * 255.0 / (w - 1), y * 255.0 / (h - 1), (x + y) * 127.0 / (w + h)], axis=-1)
img += rng.normal(0, 40, size=img.shape)
img[:, 18:, 2] = 255 - img[:, 18:, 2]
img = np.clip(np.rint(img), 0, 255).astype(np.uint8)
im = Image.fromarray(img, "RGB")
im.save("input.png")
im.resize((16, 12), Image.BILINEAR).save("down_16x12.png")
im.resize((50, 41), Image.BILINEAR).save("up_50x41.png")
im.crop((5, 3, 5 + 27, 3 + 21)).resize((24, 24), Image.BILINEAR).save("crop_resize.png")
size = 20
ow, oh = int(size * w / h), size
scaled = im.resize((ow, oh), Image.BILINEAR)
left, top = int(round((ow - 16) / 2.0)), int(round((oh - 16) / 2.0))
scaled.crop((left, top, left + 16, top + 16)).save("eval_20_16.png")
