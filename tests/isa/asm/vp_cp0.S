/* M5150 identity and configuration registers as the PIC32MZ EF presents
 * them (the MPLAB X register model of the M5150; MD00980 "CP0 Registers"): vpsim only, QEMU's P5600
 * differs. Read-only registers ignore writes; only the listed fields move. */
#include "isa.h"
ISA_NAME("isa/vp_cp0")
TEST_BEGIN
    /* PRId: company 0x01 (MIPS), processor 0xA7; the revision may vary */
    mfc0    $t0, $15
    srl     $t0, $t0, 8
    CHK($t0, 0x0001a7)
    /* Config0: K0 only is writable */
    mfc0    $s0, $16
    CHK($s0, 0x80240482)
    li      $t0, 0xffffffff
    mtc0    $t0, $16
    ehb
    mfc0    $t1, $16
    CHK($t1, 0x80240487)
    li      $t0, 0x00000003
    mtc0    $t0, $16
    ehb
    mfc0    $t1, $16
    CHK($t1, 0x80240483)
    mtc0    $s0, $16
    ehb
    mfc0    $t1, $16
    CHK($t1, 0x80240482)
    /* Config1: read-only (16 TLB entries, caches, FP) */
    mfc0    $t1, $16, 1
    CHK($t1, 0x9e9b0d9b)
    mtc0    $zero, $16, 1
    ehb
    mfc0    $t1, $16, 1
    CHK($t1, 0x9e9b0d9b)
    ext     $t1, $t1, 25, 6
    CHK($t1, 15)
    /* Config2 */
    mfc0    $t1, $16, 2
    CHK($t1, 0x80000000)
    /* Config3: read-only but ISAOnExc (bit 16). BI/BP (27:26) are masked:
     * the register model says 0, but vpsim decided to provide BadInstr/
     * BadInstrP and announce them (sim/cpu/m5150.h, M5150_HAS_BADINSTR) */
#define C3_NOBI 0xf3ffffff
    mfc0    $t1, $16, 3
    li      $t2, C3_NOBI
    and     $t1, $t1, $t2
    CHK($t1, 0x80a2bd68)
    li      $t0, 0xffffffff
    mtc0    $t0, $16, 3
    ehb
    mfc0    $t1, $16, 3
    and     $t1, $t1, $t2
    CHK($t1, 0x80a3bd68)
    mtc0    $zero, $16, 3
    ehb
    mfc0    $t1, $16, 3
    and     $t1, $t1, $t2
    CHK($t1, 0x80a2bd68)
    /* Config4 exists and says Config5 does (M) */
    mfc0    $t1, $16, 4
    srl     $t1, $t1, 31
    CHK($t1, 1)
    /* Config5: NF; Config7: WII */
    mfc0    $t1, $16, 5
    CHK($t1, 0x00000001)
    mfc0    $t1, $16, 7
    CHK($t1, 0x80000000)
    /* SRSCtl: HSS = 7 (8 sets), nothing else set after reset */
    mfc0    $t1, $12, 2
    CHK($t1, 0x1c000000)
    /* Status: no IM1:0 (software interrupts go to the EIC) */
    mfc0    $s1, $12
    ori     $t0, $s1, 0x300
    mtc0    $t0, $12
    ehb
    mfc0    $t1, $12
    mtc0    $s1, $12
    ehb
    andi    $t1, $t1, 0x300
    CHK($t1, 0)
    /* IntCtl: 0 after reset (crt0 leaves it) */
    mfc0    $t1, $12, 1
    CHK($t1, 0)
    /* EBase: 31:30 read 10, 29:12 writable, no WG, CPUNum 0 */
    li      $a0, 0xffffffff
    jal     isa_set_ebase
    nop
    mfc0    $t1, $15, 1
    CHK($t1, 0xbffff000)
    li      $a0, 0x00003000
    jal     isa_set_ebase
    nop
    mfc0    $t1, $15, 1
    CHK($t1, 0x80003000)
    la      $a0, isa_vectors
    jal     isa_set_ebase
    nop
    mfc0    $t1, $15, 1
    CHK($t1, isa_vectors)
    /* HWREna: bits 3:0 and ULR (29) */
    li      $t0, 0xffffffff
    mtc0    $t0, $7
    ehb
    mfc0    $t1, $7
    CHK($t1, 0x2000000f)
    mtc0    $zero, $7
    /* Random stays within [Wired, 15] */
    li      $t0, 5
    mtc0    $t0, $6
    ehb
    li      $t2, 200
1:  mfc0    $t1, $1
    sltiu   $t3, $t1, 16
    sltiu   $t4, $t1, 5
    xori    $t4, $t4, 1
    and     $t3, $t3, $t4
    beqz    $t3, 2f
    addiu   $t2, $t2, -1
    bnez    $t2, 1b
    nop
2:  CHK($t3, 1)
    mtc0    $zero, $6
    ehb
    /* TLB entry 15 (the last) exists and holds what was written */
    li      $t0, 15
    mtc0    $t0, $0
    li      $t0, 0x7f600000 | 0x42
    mtc0    $t0, $10
    li      $t0, (0x3000 >> 6) | 0x17
    mtc0    $t0, $2
    li      $t0, (0x5000 >> 6) | 0x13
    mtc0    $t0, $3
    li      $t0, PM_1M
    mtc0    $t0, $5
    ehb
    tlbwi
    mtc0    $zero, $10
    mtc0    $zero, $2
    mtc0    $zero, $3
    mtc0    $zero, $5
    ehb
    tlbr
    ehb
    mfc0    $t1, $5
    CHK($t1, PM_1M)
    mfc0    $t1, $10
    CHK($t1, 0x7f600000 | 0x42)
    /* back to an unused, 4K entry */
    lui     $t0, 0x8000
    mtc0    $t0, $10
    mtc0    $zero, $2
    mtc0    $zero, $3
    mtc0    $zero, $5
    ehb
    tlbwi
    mtc0    $zero, $10
    ehb
TEST_END
