#!/usr/bin/env bash
# Packages what the lent GPU machine needs to run adafocus-java (it has no JVM and no network; a device call carries
# at most 64 MiB): a jlink'd JRE plus the CUDA build's JNI glue (libjnitorch.so, from the linux-x86_64-gpu jar), the
# project jar and the Java-only dependency jars. libtorch/CUDA/cuDNN come from the device's own pip torch (run.sh).
# Output: .gpu/ (git-ignored), about 25 MB.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/.gpu"
M="$HOME/.m2/repository/org/bytedeco"
GPUJAR="$M/pytorch/2.10.0-1.5.13/pytorch-2.10.0-1.5.13-linux-x86_64-gpu.jar"
cd "$ROOT"
mvn -q -B -DskipTests package
[ -f "$GPUJAR" ] || mvn -q -B dependency:get -Dartifact=org.bytedeco:pytorch:2.10.0-1.5.13:jar:linux-x86_64-gpu  # 437 MiB, once
rm -rf "$OUT" && mkdir -p "$OUT/cp" "$OUT/native"
T=$(mktemp -d)
cp target/adafocus.jar "$OUT/cp/"
# Java-only jars: no natives (the device has libtorch; FFmpeg/OpenBLAS natives are not needed for the checks)
for j in target/lib/*.jar; do
  case "$(basename "$j")" in
    *linux-x86_64.jar) [[ "$j" == *javacpp-1.5.13-linux-x86_64.jar ]] && cp "$j" "$OUT/cp/" ;;
    *) cp "$j" "$OUT/cp/" ;;
  esac
done
unzip -q -j -o "$GPUJAR" org/bytedeco/pytorch/linux-x86_64-gpu/libjnitorch.so -d "$T/native"
jlink --add-modules java.base,java.desktop,java.logging,jdk.unsupported --strip-debug --no-header-files \
  --no-man-pages --compress=2 --output "$T/jre"
strip --strip-unneeded "$T/jre/lib/server/libjvm.so" || true
tar -C "$T" -cf - jre native | xz -9 -T0 > "$OUT/bundle.tar.xz"
rm -rf "$T"
cp tools/gpu/run.sh "$OUT/"
cp -r configs "$OUT/"
mkdir -p "$OUT/fixtures" && cp ../shared/fixtures/* "$OUT/fixtures/" 2>/dev/null || true
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >> .git/info/exclude
du -sh "$OUT"
