#!/usr/bin/env bash
# Runs on the lent GPU machine (device tool: carry [".gpu"], command "OUT=$OUT bash .gpu/run.sh").
# Unpacks the bundle, points JavaCPP at the device's pip libtorch + CUDA libraries, then runs the device check:
#   1. the FLOPs table, 2. training of the CI config on CUDA, 3. evaluation of its checkpoint on CUDA, with the
#   per-step logits dumped (to compare with a CPU evaluation of the same checkpoint).
set -u
G=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-/tmp/adafocus_gpu}; mkdir -p "$OUT"
[ -x "$G/jre/bin/java" ] || tar -C "$G" -xJf "$G/bundle.tar.xz" \
  || python3 -c "import tarfile,sys; tarfile.open(sys.argv[1]).extractall(sys.argv[2])" "$G/bundle.tar.xz" "$G" || exit 90
TORCH_DIR=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))') || exit 91
TORCH_LIB=$TORCH_DIR/lib
NVLIBS=$(ls -d "$(dirname "$TORCH_DIR")"/nvidia/*/lib 2>/dev/null | tr '\n' ':'); NVLIBS=${NVLIBS%:}
export LD_LIBRARY_PATH="$TORCH_LIB${NVLIBS:+:$NVLIBS}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
nvidia-smi -L
J=("$G/jre/bin/java" -Xss16m -Djava.awt.headless=true -XX:ErrorFile="$OUT/hs_err_%p.log"
  -Dorg.bytedeco.javacpp.pathsFirst=true -Dorg.bytedeco.openblas.load=none
  -Dorg.bytedeco.javacpp.platform.linkpath="$TORCH_LIB"
  -Dorg.bytedeco.javacpp.platform.preloadpath="$TORCH_LIB${NVLIBS:+:$NVLIBS}"
  -Djava.library.path="$G/native" -Dorg.bytedeco.javacpp.cachedir=/tmp/jcpp
  -cp "$G/cp/*" dev.adafocus.cli.Main)
set -x
"${J[@]}" flops --json | tail -1 | tee "$OUT/flops.json"
"${J[@]}" train "$G/configs/adafocusv2_ci_synthetic.yaml" --device cuda --work-dir "$OUT/train" 2>&1 | tail -20
CKPT=$(ls -t "$OUT"/train/*/last.safetensors | head -1)
"${J[@]}" test "$G/configs/adafocusv2_ci_synthetic.yaml" "$CKPT" --device cuda --dump "$OUT/test_cuda" 2>&1 | tail -5
