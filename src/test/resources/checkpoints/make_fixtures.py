#!/usr/bin/env python3
"""Writes the small PyTorch checkpoint fixtures read by the Java tests (TorchCheckpointReaderTest).

Run from this folder with any PyTorch (made with Debian's python3-torch 1.13):  python3 make_fixtures.py
Every tensor of every file is also dumped to expected.json (dtype, shape, flattened values) so the tests can
check each value. The corrupt cases are derived from the good files.
"""
import argparse
import collections
import io
import json
import pickle
import zipfile

import torch
import torch.nn as nn


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, bias=False)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(8, 5)


def tiny_model():
    torch.manual_seed(6)
    m = Tiny()
    with torch.no_grad():
        m.bn.weight.uniform_(0.5, 1.5)
        m.bn.bias.uniform_(-0.5, 0.5)
        m.bn.running_mean.uniform_(-1, 1)
        m.bn.running_var.uniform_(0.5, 2)
        m.bn.num_batches_tracked.fill_(3)
    return m


def views():
    base = torch.arange(30, dtype=torch.float32).reshape(6, 5) / 7
    return collections.OrderedDict([
        ("transposed", base.t()),                       # strides (1, 5)
        ("slice", base[2:5, 1:3]),                      # storage offset 11, strides (5, 1)
        ("column", base[:, 3]),                         # offset 3, stride 5
        ("row_a", base[0]),                             # shares the storage with the views above
        ("scalar", torch.tensor(3.5)),
        ("param", nn.Parameter(torch.linspace(-1, 1, 4))),
        ("long", torch.arange(-3, 3, dtype=torch.int64).reshape(2, 3)),
        ("int", torch.tensor([7, -8, 2**31 - 1], dtype=torch.int32)),
        ("bf16", torch.tensor([0.5, -1.25, 3.0e-3], dtype=torch.bfloat16)),
        ("bool", torch.tensor([True, False, True])),
        ("byte", torch.tensor([0, 200, 255], dtype=torch.uint8)),
        ("empty", torch.zeros(0, 3)),
    ])


def dump(sd):
    out = {}
    for k, t in sd.items():
        t = t.detach().contiguous()
        values = t.float().flatten().tolist() if t.dtype in (torch.float16, torch.bfloat16) else t.flatten().tolist()
        out[k] = {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape),
                  "values": [float(v) if isinstance(v, float) else int(v) for v in values]}
    return out


def main():
    expected = {}
    model = tiny_model()

    sd = model.state_dict()
    torch.save(sd, "plain.pth")
    expected["plain.pth"] = {"tensors": dump(sd), "extras": {}}

    dp = nn.DataParallel(model)
    opt = torch.optim.SGD(dp.parameters(), lr=0.1, momentum=0.9)
    dp.module.fc.weight.sum().backward()
    opt.step()
    wrapped = {"epoch": 7, "arch": "tiny", "best_prec1": 71.25, "state_dict": dp.state_dict(),
               "optimizer": opt.state_dict()}
    buf = io.BytesIO()  # saved through a file object: the archive folder is then called "archive"
    torch.save(wrapped, buf)
    with open("wrapped.pth.tar", "wb") as f:
        f.write(buf.getvalue())
    expected["wrapped.pth.tar"] = {
        "tensors": {k[len("module."):]: v for k, v in dump(dp.state_dict()).items()},
        "extras": {"epoch": 7, "arch": "tiny", "best_prec1": 71.25}}

    half = {k: (v.half() if v.is_floating_point() else v) for k, v in sd.items()}
    torch.save(half, "half.pth")
    expected["half.pth"] = {"tensors": dump(half), "extras": {}}

    double = tiny_model().double().state_dict()
    torch.save(double, "double.pth")
    expected["double.pth"] = {"tensors": dump(double), "extras": {}}

    v = views()
    torch.save(v, "views.pth")
    expected["views.pth"] = {"tensors": dump(v), "extras": {}}

    torch.save(v, "legacy_views.pth", _use_new_zipfile_serialization=False)
    expected["legacy_views.pth"] = {"tensors": dump(v), "extras": {}}
    torch.save({"state_dict": dp.state_dict(), "epoch": 3}, "legacy_wrapped.pth.tar",
               _use_new_zipfile_serialization=False)
    expected["legacy_wrapped.pth.tar"] = {"tensors": expected["wrapped.pth.tar"]["tensors"], "extras": {"epoch": 3}}

    # The layout of 2017-era files such as torchvision's resnet50-19c8e357.pth: legacy format, tensors rebuilt by
    # the 4-argument torch._utils._rebuild_tensor, no num_batches_tracked buffers.
    old = collections.OrderedDict((k, v) for k, v in sd.items() if not k.endswith("num_batches_tracked"))
    reduce_ex = torch.Tensor.__reduce_ex__
    torch.Tensor.__reduce_ex__ = lambda t, proto: (torch._utils._rebuild_tensor,
                                                   (t.storage(), t.storage_offset(), tuple(t.size()), t.stride()))
    try:
        torch.save(old, "legacy_2017_style.pth", _use_new_zipfile_serialization=False)
    finally:
        torch.Tensor.__reduce_ex__ = reduce_ex
    reloaded = torch.load("legacy_2017_style.pth")
    assert all(torch.equal(reloaded[k], v) for k, v in old.items())
    expected["legacy_2017_style.pth"] = {"tensors": dump(old), "extras": {}}

    # Corrupt and unsupported files.
    data = open("plain.pth", "rb").read()
    with open("bad_truncated.pth", "wb") as f:
        f.write(data[: len(data) // 2])
    data = open("legacy_views.pth", "rb").read()
    with open("bad_truncated_legacy.pth", "wb") as f:
        f.write(data[: len(data) - 40])
    with zipfile.ZipFile("bad_no_data_pkl.pth", "w") as z:
        z.writestr(zipfile.ZipInfo("archive/version", date_time=(1980, 1, 1, 0, 0, 0)), "3\n")
        z.writestr(zipfile.ZipInfo("archive/data/0", date_time=(1980, 1, 1, 0, 0, 0)), b"\0" * 16)
    torch.save({"state_dict": sd, "args": argparse.Namespace(lr=0.1)}, "bad_custom_class.pth")

    # Plain pickles (no torch) for the interpreter's own test, in the protocol torch.save uses and a newer one.
    shared = [1, 2]
    plain = {"ints": [0, 255, 65535, -1, 2**31 - 1, -2**31, 2**40, -2**63, 2**70],
             "floats": [0.5, -1e300, float("inf")], "text": "h\u00e9llo \u2713", "bytes": b"\x00\xff",
             "tuple": (1, "a", None, True, False), "empty": ((), [], {}),
             "ordered": collections.OrderedDict([("b", 1), ("a", 2)]), "shared": [shared, shared]}
    for protocol in (2, 4):
        with open("plain_data_p%d.pkl" % protocol, "wb") as f:
            pickle.dump(plain, f, protocol=protocol)

    with open("expected.json", "w") as f:
        json.dump(expected, f, sort_keys=True)


if __name__ == "__main__":
    main()
