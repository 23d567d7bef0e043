/* FP exceptions: Cause cleared by each arithmetic instruction, Flags
 * accumulated only when not trapping, FPE when Cause & Enables with the
 * destination (FPR or condition code) left unwritten; non-arithmetic
 * instructions never trap; FS flushes tiny results. */
#include "fpu_asm.h"
FPU_NAME("fpu/exc")
TEST_BEGIN
    .set fp=64
    SET_FR  1
    LIS     $f0, 0x3F800000          /* 1 */
    LIS     $f1, 0x40400000          /* 3 */
    LIS     $f2, 0                   /* 0 */
    LIS     $f3, 0x7F800001          /* SNaN */
    LIS     $f4, 0x7F000000          /* 2^127 */
    LIS     $f5, 0x40000000          /* 2 */
    LIS     $f6, 0x00800001
    LIS     $f7, 0x3F000000          /* 0.5 */
    /* divide by zero, enabled */
    SET_FCSR 0x400                   /* Enable.Z */
    LIS     $f10, 0x12345678
    EXC_CLEAR
    la      $s0, 1f
1:  div.s   $f10, $f0, $f2
    CHK_EXC(EXCCODE_FPE)
    lw      $t0, FEXC_EPC($t9)
    subu    $t0, $t0, $s0
    CHK($t0, 0)                      /* EPC is the trapping instruction */
    CHKS($f10, 0x12345678)           /* not written */
    CHK_CAUSE(8)
    CHK_FLAGS(0)
    /* the next instruction clears Cause; untrapped Inexact → Flags */
    EXC_CLEAR
    div.s   $f10, $f0, $f1
    CHK_NOEXC
    CHKS($f10, 0x3EAAAAAB)
    CHK_CAUSE(1)
    CHK_FLAGS(1)
    /* Inexact enabled */
    SET_FCSR 0x80
    LIS     $f10, 0x12345678
    EXC_CLEAR
    div.s   $f10, $f0, $f1
    CHK_EXC(EXCCODE_FPE)
    CHKS($f10, 0x12345678)
    CHK_CAUSE(1)
    /* Overflow enabled: Cause O|I */
    SET_FCSR 0x200
    EXC_CLEAR
    mul.s   $f10, $f4, $f5
    CHK_EXC(EXCCODE_FPE)
    CHKS($f10, 0x12345678)
    CHK_CAUSE(5)
    CHK_FLAGS(0)
    /* Underflow enabled, inexact tiny result */
    SET_FCSR 0x100
    EXC_CLEAR
    mul.s   $f10, $f6, $f7
    CHK_EXC(EXCCODE_FPE)
    CHKS($f10, 0x12345678)
    CHK_CAUSE(3)
    /* Invalid enabled: arithmetic, compare, conversion */
    SET_FCSR 0x800
    EXC_CLEAR
    add.s   $f10, $f3, $f0
    CHK_EXC(EXCCODE_FPE)
    CHKS($f10, 0x12345678)
    CHK_CAUSE(16)
    li      $t0, 0x20                /* cc5 set */
    ctc1    $t0, $25
    EXC_CLEAR
    c.eq.s  $fcc5, $f3, $f0
    CHK_EXC(EXCCODE_FPE)
    cfc1    $t0, $25
    CHK($t0, 0x20)                   /* cc5 not written */
    EXC_CLEAR
    c.eq.s  $fcc5, $f1, $f0          /* ordered, no trap: writes 0 */
    CHK_NOEXC
    cfc1    $t0, $25
    CHK($t0, 0)
    EXC_CLEAR
    trunc.w.s $f10, $f3
    CHK_EXC(EXCCODE_FPE)
    CHKS($f10, 0x12345678)
    /* ABS/NEG/MOV never trap, even on an SNaN with Invalid enabled */
    EXC_CLEAR
    abs.s   $f10, $f3
    neg.s   $f11, $f3
    mov.s   $f12, $f3
    CHK_NOEXC
    CHKS($f10, 0x7F800001)
    /* several enables, one cause: flags stay clean */
    SET_FCSR 0x00000F80
    LIS     $f10, 0x12345678
    EXC_CLEAR
    sqrt.s  $f10, $f5
    CHK_EXC(EXCCODE_FPE)
    CHKS($f10, 0x12345678)
    CHK_CAUSE(1)
    CHK_FLAGS(0)
    EXC_CLEAR
    sqrt.s  $f10, $f0                /* exact: no trap, Cause cleared */
    CHK_NOEXC
    CHKS($f10, 0x3F800000)
    CHK_CAUSE(0)
    SET_FCSR 0
TEST_END
