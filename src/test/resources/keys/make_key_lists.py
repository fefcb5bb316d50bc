#!/usr/bin/env python3
"""Writes the golden key lists ("name dim,dim,..." per line) used by OfficialKeyMapTest.

- torchvision_resnet50.txt, torchvision_mobilenet_v2.txt: state_dict keys of torchvision 0.14's models (the layouts
  of the torchvision ImageNet files); made with Debian's python3-torchvision.
- official_adafocusv2_mbv2_T4.txt: the state_dict of the official AdaFocusV2 code (V2/A, MobileNetV2 glance,
  ResNet-50 focus, 200 classes, T=4), taken from the parity fixture's spec (shared/fixtures/*_spec.json).
Usage: python3 make_key_lists.py PATH/TO/actnet_mbv2_p128_T4_spec.json
"""
import json
import sys

import torchvision.models as models


def write(path, items):
    with open(path, "w") as f:
        for name, shape in items:
            f.write(name + " " + ",".join(str(s) for s in shape) + "\n")


write("torchvision_resnet50.txt", [(k, v.shape) for k, v in models.resnet50().state_dict().items()])
write("torchvision_mobilenet_v2.txt", [(k, v.shape) for k, v in models.mobilenet_v2().state_dict().items()])
spec = json.load(open(sys.argv[1]))
write("official_adafocusv2_mbv2_T4.txt", [(e["name"], e["shape"]) for e in spec["state_dict"]])
