/* Synchronous exceptions: SYSCALL/BREAK (EPC, vector, Cause.BD), the same
 * in branch and jump delay slots (EPC = the branch, BD = 1), address
 * errors on loads/stores (AdEL/AdES, BadVAddr, destination and memory
 * unchanged) and on a misaligned jump target (AdEL on fetch, EPC =
 * BadVAddr = target), reserved instructions (RI). */
#include "isa.h"
ISA_NAME("isa/exc")
    .data
    .balign 16
buf:    .word 0x11111111, 0x22222222, 0x33333333, 0x44444444
    .text
/* A reserved encoding: RI with EPC at it, registers untouched. */
    .macro RI_ line, word
    EXC_CLEAR
.Lri\@:
    .word   \word
    CHK_EXC_ EXCCODE_RI, .Lri\@, \line
    .endm
#define RI(w) RI_ __LINE__, w
/* A misaligned access: code, BadVAddr = base + off */
    .macro ADE_ line, code, off, ins:vararg
    EXC_CLEAR
.Lade\@:
    \ins
    CHK_EXC_ \code, .Lade\@, \line
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_BADVADDR($k1)
    CHK_    $k1, buf+\off, \line
    .endm
#define ADE(code, off, ...) ADE_ __LINE__, code, off, __VA_ARGS__
TEST_BEGIN
    /* SYSCALL / BREAK */
    EXC_CLEAR
.Lsys1:
    syscall
    CHK_EXC(EXCCODE_SYS, .Lsys1)
    CHK_BD(0)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_GENERAL)
    /* EXL was set on entry */
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_STATUS($k1)
    andi    $k1, $k1, ST0_EXL
    CHK($k1, ST0_EXL)
    /* and is clear again after ERET */
    mfc0    $t0, $12
    andi    $t0, $t0, ST0_EXL
    CHK($t0, 0)
    EXC_CLEAR
.Lsys2:
    syscall 0x12345
    CHK_EXC(EXCCODE_SYS, .Lsys2)
    EXC_CLEAR
.Lbrk1:
    break
    CHK_EXC(EXCCODE_BP, .Lbrk1)
    CHK_BD(0)
    EXC_CLEAR
.Lbrk2:
    break   7, 9
    CHK_EXC(EXCCODE_BP, .Lbrk2)

    /* in the delay slot of a taken branch: EPC = branch, BD = 1 */
    EXC_CLEAR
    EXC_RESUME .Lr1
.Lbd1:
    beq     $zero, $zero, .Lx1
    syscall
.Lx1:
    li      $t5, 0xbad
.Lr1:
    CHK_EXC(EXCCODE_SYS, .Lbd1)
    CHK_BD(1)
    /* not-taken branch: still BD = 1, EPC = branch */
    EXC_CLEAR
    EXC_RESUME .Lr2
    li      $t0, 1
.Lbd2:
    beq     $t0, $zero, .Lx1
    break
.Lr2:
    CHK_EXC(EXCCODE_BP, .Lbd2)
    CHK_BD(1)
    /* not-taken likely branch: the slot is annulled, no exception */
    EXC_CLEAR
    beql    $t0, $zero, .Lx1
    syscall
    CHK_NOEXC()
    /* JR slot */
    EXC_CLEAR
    EXC_RESUME .Lr3
    la      $t1, .Lx1
.Lbd3:
    jr      $t1
    syscall
.Lr3:
    CHK_EXC(EXCCODE_SYS, .Lbd3)
    CHK_BD(1)
    /* JAL slot: the link is written, EPC = the jal */
    EXC_CLEAR
    EXC_RESUME .Lr4
    li      $ra, 0
.Lbd4:
    jal     .Lx1
    break
.Lr4:
    CHK_EXC(EXCCODE_BP, .Lbd4)
    CHK_BD(1)
    CHK($ra, .Lbd4 + 8)
    /* BGEZAL slot, not taken */
    EXC_CLEAR
    EXC_RESUME .Lr5
    li      $t0, -1
.Lbd5:
    bgezal  $t0, .Lx1
    syscall
.Lr5:
    CHK_EXC(EXCCODE_SYS, .Lbd5)
    CHK_BD(1)
    /* an overflow in a delay slot */
    EXC_CLEAR
    EXC_RESUME .Lr6
    li      $t0, 0x7fffffff
.Lbd6:
    bne     $t0, $zero, .Lx1
    addi    $t1, $t0, 1
.Lr6:
    CHK_EXC(EXCCODE_OV, .Lbd6)
    CHK_BD(1)
    /* the next exception outside a slot has BD = 0 again */
    EXC_CLEAR
.Lsys3:
    syscall
    CHK_EXC(EXCCODE_SYS, .Lsys3)
    CHK_BD(0)

    /* address errors on data */
    la      $s0, buf
    li      $t1, 0x5a5a
    ADE(EXCCODE_ADEL, 1, lw $t1, 1($s0))
    CHK($t1, 0x5a5a)
    ADE(EXCCODE_ADEL, 2, lw $t1, 2($s0))
    ADE(EXCCODE_ADEL, 7, lw $t1, 7($s0))
    ADE(EXCCODE_ADEL, 3, lh $t1, 3($s0))
    ADE(EXCCODE_ADEL, 5, lhu $t1, 5($s0))
    CHK($t1, 0x5a5a)
    ADE(EXCCODE_ADES, 2, sw $t1, 2($s0))
    ADE(EXCCODE_ADES, 1, sh $t1, 1($s0))
    CHK($t1, 0x5a5a)
    /* LL/SC: the alignment check comes first (QEMU reports LL's EPC one
     * instruction late and lets a misaligned SC fail quietly; README) */
    IF_M5150 .Lno_llsc_ade
    ADE(EXCCODE_ADEL, 6, ll $t1, 6($s0))
    ADE(EXCCODE_ADES, 9, sc $t1, 9($s0))
    CHK($t1, 0x5a5a)
.Lno_llsc_ade:
    lw      $t2, 0($s0)
    CHK($t2, 0x11111111)
    lw      $t2, 8($s0)
    CHK($t2, 0x33333333)
    /* aligned halves and bytes at odd addresses are fine */
    EXC_CLEAR
    lh      $t2, 2($s0)
    lbu     $t2, 3($s0)
    sb      $t2, 5($s0)
    sh      $t2, 6($s0)
    CHK_NOEXC()
    /* kernel-mode access in a delay slot: EPC = branch, BD = 1 */
    EXC_CLEAR
    EXC_RESUME .Lr7
.Lbd7:
    b       .Lx1
    lw      $t1, 1($s0)
.Lr7:
    CHK_EXC(EXCCODE_ADEL, .Lbd7)
    CHK_BD(1)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, buf + 1)

    /* misaligned jump target: AdEL on the fetch, EPC = BadVAddr = target */
    EXC_CLEAR
    EXC_RESUME .Lr8
    la      $t1, .Lx1 + 2
    jr      $t1
    nop
.Lr8:
    CHK_EXC(EXCCODE_ADEL, .Lx1 + 2)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, .Lx1 + 2)
    CHK_BD(0)
    /* an odd target: on a core with microMIPS (Config3.ISA != 0, the M5150:
     * ISA = 2) bit 0 selects the microMIPS ISA mode (MIPS Architecture Vol.
     * II-B, MD00582, sec. 2.1): no exception, the code there runs as
     * microMIPS; without microMIPS (QEMU's P5600) it is AdEL. */
    mfc0    $t0, $16, 3
    ext     $t0, $t0, 14, 2
    beqz    $t0, .Lno_mm9
    nop
    la      $t1, .Lmm_snip9
    ori     $t1, $t1, 1
    li      $t8, 0
    jalr    $t7, $t1
    nop
    CHK($t8, 0x55)
    b       .Lmm_done9
    nop
    .set push
    .set micromips
.Lmm_snip9:
    li      $t8, 0x55
    jr      $t7
    nop
    .set pop
.Lno_mm9:
    EXC_CLEAR
    EXC_RESUME .Lr9
    la      $t1, .Lx1 + 1
    li      $t7, 0
.Ljalr9:
    jalr    $t7, $t1
    nop
.Lr9:
    CHK_EXC(EXCCODE_ADEL, .Lx1 + 1)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, .Lx1 + 1)
    CHK($t7, .Ljalr9 + 8)
.Lmm_done9:

    /* reserved instructions of MIPS32r5 (none is an ASE the M5150 has) */
    li      $t0, 0x1234
    li      $t1, 0x5678
    li      $t2, 0x9abc
    RI(0xec000000)          /* opcode 0x3b */
    RI(0x9c000000)          /* opcode 0x27 (LWU, 64-bit only) */
    RI(0xdc000000)          /* opcode 0x37 (LD) */
    RI(0x60000000)          /* opcode 0x18 (DADDI) */
    RI(0x6c000000)          /* opcode 0x1b (LDR) */
    RI(0xb0000000)          /* opcode 0x2c (SDL) */
    RI(0xf0000000)          /* opcode 0x3c (SCD) */
    RI(0x0109500e)          /* SPECIAL funct 0x0e */
    RI(0x01095028)          /* SPECIAL funct 0x28 */
    RI(0x01095029)          /* SPECIAL funct 0x29 */
    RI(0x01095035)          /* SPECIAL funct 0x35 */
    RI(0x0109502c)          /* SPECIAL funct 0x2c (DADD) */
    RI(0x01095014)          /* SPECIAL funct 0x14 (DSLLV) */
    RI(0x0109503c)          /* SPECIAL funct 0x3c (DSLL32) */
    RI(0x71095003)          /* SPECIAL2 funct 0x03 */
    RI(0x71095006)          /* SPECIAL2 funct 0x06 */
    RI(0x71095024)          /* SPECIAL2 funct 0x24 (DCLZ) */
    RI(0x7109503e)          /* SPECIAL2 funct 0x3e */
    RI(0x05050000)          /* REGIMM rt 0x05 */
    RI(0x050d0000)          /* REGIMM rt 0x0d */
    RI(0x05180000)          /* REGIMM rt 0x18 */
    RI(0x7c095001)          /* SPECIAL3 funct 0x01 (DEXTM) */
    RI(0x7c095005)          /* SPECIAL3 funct 0x05 (DINSM) */
    RI(0x7c095160)          /* SPECIAL3 BSHFL sa 0x05 */
    /* SPECIAL funct 0x05 is LSA only with MSA (QEMU's P5600 has MSA) */
    IF_M5150 .Lno_lsa
    RI(0x01095005)
.Lno_lsa:
    CHK($t0, 0x1234)
    CHK($t1, 0x5678)
    CHK($t2, 0x9abc)
TEST_END
