/* CP1 control registers: FCSR reset value and writable bits, the FCCR,
 * FEXR and FENR views, FP exceptions raised by CTC1 itself. */
#include "fpu_asm.h"
FPU_NAME("fpu/ctrl")
TEST_BEGIN
    /* reset value: NAN2008 | ABS2008 (crt0 leaves FCSR alone) */
    CHK_FCSR(0x000C0000)
    /* everything but Cause and Enables written: bits 22:18 stay fixed */
    SET_FCSR 0xFFFC007F
    CHK_FCSR(0xFF8C007F)
    SET_FCSR 0
    CHK_FCSR(0x000C0000)
    /* FCCR: FCC7..0 in bits 7:0 ↔ FCSR 31:25, 23 */
    li      $t0, 0xA5
    ctc1    $t0, $25
    CHK_FCSR(0xA48C0000)
    cfc1    $t1, $25
    CHK($t1, 0xA5)
    li      $t0, 0x5A
    ctc1    $t0, $25
    CHK_FCSR(0x5A0C0000)
    cfc1    $t1, $25
    CHK($t1, 0x5A)
    /* FENR: Enables 11:7, FS at 2 (FCSR 24), RM 1:0 */
    li      $t0, 0xF87
    ctc1    $t0, $28
    CHK_FCSR(0x5B0C0F83)
    cfc1    $t1, $28
    CHK($t1, 0xF87)
    li      $t0, 0x2
    ctc1    $t0, $28
    CHK_FCSR(0x5A0C0002)
    /* FEXR: Cause 17:12, Flags 6:2 */
    li      $t0, 0x7C
    ctc1    $t0, $26
    cfc1    $t1, $26
    CHK($t1, 0x7C)
    CHK_FCSR(0x5A0C007E)
    /* a Cause bit with no Enable: no exception */
    EXC_CLEAR
    li      $t0, 0x1000
    ctc1    $t0, $26
    CHK_NOEXC
    CHK_CAUSE(1)
    /* the same with Enable.I: FPE, the register is written anyway */
    li      $t0, 0x80
    ctc1    $t0, $28
    EXC_CLEAR
    li      $t0, 0x1000
    la      $s0, 1f
1:  ctc1    $t0, $26
    CHK_EXC(EXCCODE_FPE)
    lw      $t1, FEXC_EPC($t9)
    bne $t1, $s0, 2f
    nop
    b       3f
    nop
2:  CHK($t1, 0)                  /* EPC must be the CTC1 */
3:  cfc1    $t1, $26
    CHK($t1, 0x1000)
    /* Cause.E has no Enable: it always traps */
    EXC_CLEAR
    SET_FCSR 0x00020000
    CHK_EXC(EXCCODE_FPE)
    CHK_FCSR(0x000E0000)
    EXC_CLEAR
    SET_FCSR 0
    CHK_NOEXC
    CHK_FCSR(0x000C0000)
    /* FS is writable */
    SET_FCSR 0x01000000
    CHK_FCSR(0x010C0000)
    SET_FCSR 0
TEST_END
