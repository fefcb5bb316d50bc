#!/usr/bin/env python3
"""Times the official AdaFocusV2 PyTorch model (and the full-frame baselines) the way `adafocus bench` times ours.

The official code is not part of this project: pass the path of a checkout of LeapLabTHU/AdaFocusV2 (the repository
root or its "Experiments on ActivityNet, FCVID and Mini-Kinetics" folder). Its model is built as its test script
builds it (MobileNetV2 glance, ResNet-50 focus, GRU policy of 2048, T = 16, 224x224, 200 classes), in eval mode,
with random weights (the official initialisation; speed does not depend on the values), and run as its validate loop
runs it: frames reordered with index_select, then model(images), under torch.no_grad() (or inference_mode).

Timing scheme (as `adafocus bench`): per batch size one random input made outside the timed region; W untimed calls
per model; then R repeats, each running every model once, starting from a different model each time; each call is
timed including the release of its outputs; reported: the median call time, [min, max], and the median over
repeats of (reference time / model time) with its [min, max]. The reference is ResNet-50 on all T whole frames with
a linear classifier per frame and the frame logits averaged (the project's bench.FrameBaseline).

The last stdout line is one JSON object with the same fields as `adafocus bench --json` (compare.py reads both).
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
import types


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("official",
                   help="checkout of LeapLabTHU/AdaFocusV2 (root or its ActivityNet/FCVID/Mini-Kinetics folder)")
    p.add_argument("--patch-sizes", default="96,128,160", help="AdaFocusV2 patch sides, comma-separated")
    p.add_argument("--batch-sizes", default="1,8", help="batch sizes (1 = latency, larger = throughput)")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (also OMP/MKL threads)")
    p.add_argument("--warmup", type=int, default=1, help="untimed calls per model and batch size")
    p.add_argument("--repeats", type=int, default=3, help="timed calls per model and batch size")
    p.add_argument("--grad-mode", choices=["no_grad", "inference_mode"], default="no_grad",
                   help="no_grad is what the official validate loop uses")
    p.add_argument("--frames", type=int, default=16)
    p.add_argument("--input-size", type=int, default=224)
    p.add_argument("--num-classes", type=int, default=200)
    p.add_argument("--policy-hidden", type=int, default=2048, help="the test script's --stn_hidden_dim")
    p.add_argument("--no-glance-baseline", action="store_true", help="skip MobileNetV2 on whole frames")
    p.add_argument("--breakdown", action="store_true",
                   help="also time each stage of the official forward (batch 1, first patch size)")
    a = p.parse_args(argv)
    a.patch_sizes = [int(s) for s in a.patch_sizes.split(",")]
    a.batch_sizes = [int(s) for s in a.batch_sizes.split(",")]
    if a.repeats < 1 or a.warmup < 0 or a.threads < 1:
        p.error("need repeats >= 1, warmup >= 0, threads >= 1")
    return a


def official_folder(path):
    for candidate in (path, os.path.join(path, "Experiments on ActivityNet, FCVID and Mini-Kinetics")):
        if os.path.isfile(os.path.join(candidate, "models", "adafocus_v2.py")):
            return os.path.abspath(candidate)
    sys.exit("bench_official: no models/adafocus_v2.py under " + path)


def import_official(folder, torch):
    """Imports the official model module, adapted to a CPU-only torch without editing its files."""
    # The model files import torchvision only for data transforms and helpers the model does not call; a stub
    # stands in when torchvision is not installed (its version must match torch's, and none here does).
    try:
        import torchvision  # noqa: F401
    except ImportError:
        stub = types.ModuleType("torchvision")
        stub.transforms = types.SimpleNamespace(Compose=None)
        stub.models = types.SimpleNamespace()
        sys.modules["torchvision"] = stub
    # The official forward allocates three small zero tensors per call with .cuda(); on a CPU-only build they stay
    # where they are (everything else already runs on the CPU).
    torch.Tensor.cuda = lambda self, *args, **kwargs: self
    sys.path.insert(0, folder)
    import models.adafocus_v2 as adafocus_v2
    import models.mobilenet_v2 as mobilenet_v2
    import models.resnet as resnet

    # ImageNet weights are not available here; random weights with the official initialisation time the same.
    adafocus_v2.mobilenet_v2 = lambda pretrained=True: mobilenet_v2.mobilenet_v2(pretrained=False)
    adafocus_v2.resnet50 = lambda pretrained=False: resnet.resnet50(pretrained=False)
    return adafocus_v2, mobilenet_v2, resnet


class MacCounter:
    """Multiply-accumulates of conv, linear, BatchNorm (one per channel and sample) and GRU layers, counted as the
    project's FlopCounter counts them, via forward hooks."""

    def __init__(self, torch, model):
        self.total = 0
        self.nn = nn = torch.nn
        self.handles = []
        for m in model.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear, nn.BatchNorm1d, nn.BatchNorm2d, nn.GRU)):
                self.handles.append(m.register_forward_hook(self.hook))

    def hook(self, m, inputs, output):
        nn = self.nn
        if isinstance(m, nn.Conv2d):
            k = m.kernel_size[0] * m.kernel_size[1]
            self.total += output.numel() * (m.in_channels // m.groups) * k
        elif isinstance(m, nn.Linear):
            self.total += output.numel() * m.in_features
        elif isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            self.total += output.size(0) * output.size(1)
        else:  # GRU, batch_first: [B, T, H]
            out = output[0]
            self.total += out.size(0) * out.size(1) * 3 * (m.input_size + m.hidden_size) * m.hidden_size

    def close(self):
        for h in self.handles:
            h.remove()


class Subject:
    """One model under measurement: a name, GFLOPs per video and a forward on a video batch [B, T*3, S, S]."""

    def __init__(self, name, module, forward, gflops):
        self.name = name
        self.module = module
        self.forward = forward
        self.gflops = gflops


def frame_baseline(torch, name, backbone, feature, feature_dim, a):
    """Backbone on all whole frames, a linear classifier per frame, logits averaged over T (bench.FrameBaseline)."""
    head = torch.nn.Linear(feature_dim, a.num_classes)
    module = torch.nn.ModuleDict({"backbone": backbone, "head": head}).eval()

    def forward(video):
        b = video.size(0)
        logits = head(feature(video.view(b * a.frames, 3, a.input_size, a.input_size)))
        return logits.view(b, a.frames, -1).mean(1)

    return Subject(name, module, forward, None)


def official_adafocus(torch, adafocus_v2, patch, a):
    """The official AdaFocus model with the arguments of its test script (scripts/test.sh, mbv2 rows)."""
    args = types.SimpleNamespace(
        num_segments=a.frames, num_classes=a.num_classes, dataset="actnet", input_size=a.input_size,
        batch_size=1, patch_size=patch, glance_arch="mbv2", glance_ckpt_path="", fc_dropout=0.2, dropout=0.2,
        stn_hidden_dim=a.policy_hidden)
    model = adafocus_v2.AdaFocus(args).eval()
    order = torch.randperm(a.frames)  # the validate loop's --sample reordering (its cost does not depend on the order)

    def forward(images):
        b = images.size(0)
        images = images.view(b, a.frames, 3, a.input_size, a.input_size)
        images = torch.index_select(images, 1, order)
        images = images.view(b, a.frames * 3, a.input_size, a.input_size)
        return model(images)

    return Subject("AdaFocusV2 mobilenet_v2@%d+resnet50 P=%d" % (a.input_size, patch), model, forward, None)


def breakdown(torch, adafocus_v2, model, a, grad_mode):
    """Median ms of each stage of the official eval forward on one video, the stages run as its forward runs them."""
    patch = a.patch_sizes[0]
    images = torch.randn(1, 3 * a.frames, a.input_size, a.input_size).view(-1, 3, a.input_size, a.input_size)
    state = {}

    def glance():
        state["map"], state["vec"] = model.global_CNN.get_featmap(images)
        model.global_CNN_fc(state["vec"])

    def policy():
        state["actions"] = model.policy_stn(state["map"])

    def crop():
        state["patches"] = adafocus_v2.get_patches_frame(images, state["actions"], patch, a.input_size)

    def focus():
        state["local"] = model.local_CNN.get_featvec(state["patches"])
        model.local_CNN_fc(state["local"])

    def classifier():
        cat = torch.cat([state["vec"], state["local"]], dim=-1).view(-1, a.frames, model.cat_feature_dim)
        model.classifier(cat)

    stages = [("glance", glance), ("policy", policy), ("crop", crop), ("focus", focus), ("classifier", classifier)]
    times = {name: [] for name, _ in stages}
    with grad_mode():
        for r in range(a.warmup + a.repeats):
            for name, stage in stages:
                t0 = time.perf_counter()
                stage()
                if r >= a.warmup:
                    times[name].append((time.perf_counter() - t0) * 1e3)
    return {name: statistics.median(t) for name, t in times.items()}


def gflops_per_video(torch, subject, a):
    counter = MacCounter(torch, subject.module)
    with torch.no_grad():
        subject.forward(torch.zeros(1, 3 * a.frames, a.input_size, a.input_size))
    counter.close()
    return counter.total / 1e9


def time_once(torch, subject, video, grad_mode):
    t0 = time.perf_counter()
    with grad_mode():
        out = subject.forward(video)
        del out
    return (time.perf_counter() - t0) * 1e3


def run(torch, subjects, a, grad_mode):
    """{batch: [per-subject list of call times in ms]}, interleaved as described in the module docstring."""
    n = len(subjects)
    samples = {}
    for batch in a.batch_sizes:
        video = torch.randn(batch, 3 * a.frames, a.input_size, a.input_size)
        samples[batch] = [[0.0] * a.repeats for _ in range(n)]
        for _ in range(a.warmup):
            for s in subjects:
                time_once(torch, s, video, grad_mode)
        for r in range(a.repeats):
            for k in range(n):
                i = (r + k) % n
                samples[batch][i][r] = time_once(torch, subjects[i], video, grad_mode)
        del video
    return samples


def report(torch, subjects, samples, a, stages):
    ref = subjects[0]
    models = []
    lines = []
    for i, s in enumerate(subjects):
        flops_ratio = ref.gflops / s.gflops
        batches = []
        for batch in a.batch_sizes:
            t = samples[batch][i]
            ups = [samples[batch][0][r] / t[r] for r in range(a.repeats)]
            med = statistics.median(t)
            up = statistics.median(ups)
            batches.append({
                "batch": batch, "ms_per_call_median": med, "ms_per_call_min": min(t), "ms_per_call_max": max(t),
                "ms_per_video": med / batch, "videos_per_s": 1e3 * batch / med, "speedup_median": up,
                "speedup_min": min(ups), "speedup_max": max(ups), "speedup_over_flops_ratio": up / flops_ratio})
            lines.append("%-48s %8.4g %5d %10.1f %16s %8.2f %8.2f [%.2f, %.2f] %8.2f" % (
                s.name, s.gflops, batch, med / batch, "%.0f [%.0f, %.0f]" % (med, min(t), max(t)),
                1e3 * batch / med, up, min(ups), max(ups), up / flops_ratio))
        models.append({"name": s.name, "optimisation": a.grad_mode, "gflops_per_video": s.gflops,
                       "flops_ratio": flops_ratio, "batches": batches})
    env = {"cpu": cpu_model(), "cores": os.cpu_count(), "threads": torch.get_num_threads(),
           "torch": torch.__version__, "python": platform.python_version(), "grad_mode": a.grad_mode,
           "mkldnn": torch.backends.mkldnn.is_available(), "load_average": list(os.getloadavg())}
    print("machine: %s, %d cores visible, torch %s, %d threads, %s" % (
        env["cpu"], env["cores"], env["torch"], env["threads"], a.grad_mode))
    print("%-48s %8s %5s %10s %16s %8s %8s %12s %8s" % (
        "model", "GFLOPs/v", "batch", "ms/video", "ms/call [min,max]", "videos/s", "speed-up", "[min, max]",
        "/ FLOPs x"))
    print("\n".join(lines))
    if stages:
        print("official forward by stage (batch 1, P=%d, median ms): %s" % (
            a.patch_sizes[0], ", ".join("%s %.1f" % kv for kv in stages.items())))
    print(json.dumps({"environment": env,
                      "config": {"frames": a.frames, "input_size": a.input_size, "num_classes": a.num_classes,
                                 "warmup": a.warmup, "repeats": a.repeats},
                      "reference": ref.name, "models": models, "breakdown_ms": stages}))


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main(argv):
    a = parse_args(argv)
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(a.threads))
    import torch

    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    adafocus_v2, mobilenet_v2, resnet = import_official(official_folder(a.official), torch)
    focus = resnet.resnet50(pretrained=False)
    subjects = [frame_baseline(torch, "resnet50@%d full frames" % a.input_size, focus, focus.get_featvec,
                               focus.fc.in_features, a)]
    if not a.no_glance_baseline:
        glance = mobilenet_v2.mobilenet_v2(pretrained=False)
        subjects.append(frame_baseline(torch, "mobilenet_v2@%d full frames" % a.input_size, glance,
                                       lambda x: glance.get_featmap(x)[1], glance.last_channel, a))
    subjects += [official_adafocus(torch, adafocus_v2, p, a) for p in a.patch_sizes]
    for s in subjects:
        s.module.eval()
        s.gflops = gflops_per_video(torch, s, a)
    grad_mode = torch.no_grad if a.grad_mode == "no_grad" else torch.inference_mode
    samples = run(torch, subjects, a, grad_mode)
    first = subjects[-len(a.patch_sizes)].module
    stages = breakdown(torch, adafocus_v2, first, a, grad_mode) if a.breakdown else None
    report(torch, subjects, samples, a, stages)


if __name__ == "__main__":
    main(sys.argv[1:])
