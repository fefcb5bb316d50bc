package dev.adafocus.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading bfloat16 hardware support from the CPU flags and the oneDNN instruction-set cap. */
class CpuBfloat16Test {
  private static final String SAPPHIRE_RAPIDS = "fpu sse4_1 avx2 avx512f avx512bw avx512_vnni avx512_bf16 amx_bf16 amx_tile";
  private static final String SKYLAKE_SERVER = "fpu sse4_1 avx2 avx512f avx512bw avx512dq avx512vl";

  @Test
  void bf16InstructionsWithoutACapCount() {
    assertTrue(CpuBfloat16.inHardware(SAPPHIRE_RAPIDS, null));
    assertTrue(CpuBfloat16.inHardware(SAPPHIRE_RAPIDS, "all"));
    assertTrue(CpuBfloat16.inHardware(SAPPHIRE_RAPIDS, "AVX512_CORE_BF16"));
    assertTrue(CpuBfloat16.inHardware(SAPPHIRE_RAPIDS, "AVX512_CORE_AMX"));
  }

  @Test
  void aCapBelowThemOrAvx512AloneDoesNot() {
    assertFalse(CpuBfloat16.inHardware(SAPPHIRE_RAPIDS, "AVX512_CORE"));
    assertFalse(CpuBfloat16.inHardware(SAPPHIRE_RAPIDS, "SSE41"));
    assertFalse(CpuBfloat16.inHardware(SKYLAKE_SERVER, null));
    assertFalse(CpuBfloat16.inHardware("", null));
  }
}
