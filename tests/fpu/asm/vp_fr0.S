/* FR = 0 decisions of the model (docs/simulator.md "FPU (CP1)"): every
 * 64-bit operand with an odd register number is RI, also for MFHC1/MTHC1
 * and LDC1/SDC1/LDXC1/SDXC1 (UNPREDICTABLE in the architecture; QEMU lets
 * MFHC1/MTHC1 and the loads/stores through). */
#include "fpu_asm.h"
FPU_NAME("fpu/vp_fr0")
TEST_BEGIN
    .set fp=32
    SET_FR  0
    la      $s0, buf
    EXC_CLEAR
    .word   0x44600000 | (10 << 16) | (3 << 11)             /* mfhc1 $t2, $f3 */
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    .word   0x44E00000 | (10 << 16) | (5 << 11)             /* mthc1 $t2, $f5 */
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    .word   0xD4000000 | (16 << 21) | (3 << 16)             /* ldc1 $f3, 0($s0) */
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    .word   0xF4000000 | (16 << 21) | (3 << 16)             /* sdc1 $f3, 0($s0) */
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    .word   0x4C000001 | (16 << 21) | (3 << 6)              /* ldxc1 $f3, $0($s0) */
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    .word   0x4C000009 | (16 << 21) | (3 << 11)             /* sdxc1 $f3, $0($s0) */
    CHK_EXC(EXCCODE_RI)
    SET_FR  1
TEST_END
    .data
    .align 3
buf:
    .word   0, 0
