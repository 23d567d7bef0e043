/* Shadow register sets (M5150: SRSCtl.HSS = 7, 8 sets; vpsim only, QEMU's
 * P5600 has none): WRPGPR/RDPGPR reach the set in SRSCtl.PSS; an exception
 * with SRSCtl.ESS = 2 runs its handler in set 2 (PSS <- CSS, CSS <- ESS)
 * and ERET goes back to the previous set (CSS <- PSS); ERET with EXL = 1
 * and PSS = n enters set n. */
#include "isa.h"
ISA_NAME("isa/vp_srs")
    .macro SETPSS n
    mfc0    $t0, $12, 2
    li      $t1, ~SRSCTL_PSS
    and     $t0, $t0, $t1
    ori     $t0, $t0, (\n << SRSCTL_PSS_SHIFT)
    mtc0    $t0, $12, 2
    ehb
    .endm
    .macro SETESS n
    mfc0    $t0, $12, 2
    li      $t1, ~SRSCTL_ESS
    and     $t0, $t0, $t1
    ori     $t0, $t0, (\n << SRSCTL_ESS_SHIFT)
    mtc0    $t0, $12, 2
    ehb
    .endm
TEST_BEGIN
    mfc0    $s6, $12, 2
    ext     $t0, $s6, SRSCTL_HSS_SHIFT, 4
    CHK($t0, 7)
    andi    $t0, $s6, SRSCTL_CSS
    CHK($t0, 0)
    /* PSS and ESS are writable */
    SETPSS  7
    SETESS  6
    mfc0    $t0, $12, 2
    CHK($t0, 0x1c000000 | (6 << SRSCTL_ESS_SHIFT) | (7 << SRSCTL_PSS_SHIFT))
    /* write t8 of sets 1..7 = 0x01010101 * n through WRPGPR, read back */
    li      $s0, 1
1:  mfc0    $t0, $12, 2
    ins     $t0, $s0, SRSCTL_PSS_SHIFT, 4
    mtc0    $t0, $12, 2
    ehb
    li      $t2, 0x01010101
    mul     $t2, $t2, $s0
    wrpgpr  $t8, $t2
    addiu   $s0, $s0, 1
    sltiu   $t3, $s0, 8
    bnez    $t3, 1b
    nop
    li      $t8, 0x88888888              /* set 0's own t8 */
    li      $s0, 1
    li      $s1, 0                       /* mismatches */
2:  mfc0    $t0, $12, 2
    ins     $t0, $s0, SRSCTL_PSS_SHIFT, 4
    mtc0    $t0, $12, 2
    ehb
    rdpgpr  $t4, $t8
    li      $t2, 0x01010101
    mul     $t2, $t2, $s0
    beq     $t4, $t2, 3f
    nop
    addiu   $s1, $s1, 1
3:  addiu   $s0, $s0, 1
    sltiu   $t3, $s0, 8
    bnez    $t3, 2b
    nop
    CHK($s1, 0)
    CHK($t8, 0x88888888)
    /* the set 3 value, explicitly */
    SETPSS  3
    rdpgpr  $t4, $t8
    CHK($t4, 0x03030303)
    /* RDPGPR/WRPGPR with PSS = CSS = 0 is the current set */
    SETPSS  0
    li      $t5, 0x1357
    rdpgpr  $t4, $t5
    CHK($t4, 0x1357)
    li      $t6, 0x2468
    wrpgpr  $t5, $t6
    CHK($t5, 0x2468)

    /* an exception with ESS = 2 runs the handler in set 2 */
    SETESS  2
    EXC_CLEAR
.Lsys1:
    syscall
    CHK_EXC(EXCCODE_SYS, .Lsys1)
    CHKMEM(isa_exc, ISA_EXC_T8, 0x02020202)
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_SRSCTL($k1)
    andi    $k1, $k1, SRSCTL_CSS | SRSCTL_PSS
    CHK($k1, 2 | (0 << SRSCTL_PSS_SHIFT))
    /* back in set 0 */
    CHK($t8, 0x88888888)
    mfc0    $t0, $12, 2
    andi    $t0, $t0, SRSCTL_CSS
    CHK($t0, 0)

    /* ERET with PSS = 3 enters set 3 */
    SETPSS  3
    la      $t0, .Lin_set3
    mtc0    $t0, $14
    mfc0    $s7, $12
    ori     $t0, $s7, ST0_EXL
    mtc0    $t0, $12
    ehb
    eret
.Lin_set3:
    /* in set 3: t8 is that set's, everything else too */
    move    $t2, $t8
    mfc0    $t3, $12, 2
    /* an exception from set 3, handled in set 2, returns to set 3 */
    la      $k1, isa_exc
    sw      $zero, ISA_EXC_COUNT($k1)
    syscall
    move    $t4, $t8
    mfc0    $t5, $12, 2
    /* back to set 0: PSS = 0, ERET */
    li      $t0, ~SRSCTL_PSS
    and     $t0, $t5, $t0
    mtc0    $t0, $12, 2
    la      $t0, .Lin_set0
    mtc0    $t0, $14
    mfc0    $t0, $12
    ori     $t0, $t0, ST0_EXL
    mtc0    $t0, $12
    ehb
    eret
.Lin_set0:
    CHK($t8, 0x88888888)
    mfc0    $t0, $12, 2
    andi    $t0, $t0, SRSCTL_CSS
    CHK($t0, 0)
    /* what set 3 saw (read through RDPGPR: its t2..t5) */
    SETPSS  3
    rdpgpr  $t0, $t2
    CHK($t0, 0x03030303)
    rdpgpr  $t0, $t3
    andi    $t0, $t0, SRSCTL_CSS
    CHK($t0, 3)
    rdpgpr  $t0, $t4
    CHK($t0, 0x03030303)
    rdpgpr  $t0, $t5
    andi    $t0, $t0, SRSCTL_CSS
    CHK($t0, 3)
    CHKMEM(isa_exc, ISA_EXC_COUNT, 1)
    CHKMEM(isa_exc, ISA_EXC_T8, 0x02020202)
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_SRSCTL($k1)
    andi    $k1, $k1, SRSCTL_CSS | SRSCTL_PSS
    CHK($k1, 2 | (3 << SRSCTL_PSS_SHIFT))
    /* leave SRSCtl as found */
    mtc0    $s6, $12, 2
    ehb
TEST_END
