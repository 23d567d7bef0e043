/* microMIPS on the M5150 (MIPS Architecture Vol. II-B, microMIPS32, MD00582;
 * Vol. III, MD00090, "ISA mode", Config3.ISA/ISAOnExc, BadInstr): the ISA
 * bit in jump targets, links and EPC; exceptions from 16- and 32-bit
 * instructions and from 16- and 32-bit delay slots (EPC = the branch with the
 * ISA bit, Cause.BD, BadVAddr, BadInstr/BadInstrP); LWM/SWM/LWP/SWP memory
 * layout; Config3.ISAOnExc = 1 entering a microMIPS handler. vpsim only
 * (QEMU's microMIPS CPUs, M14K/M14Kc, lack parts of this: tests/diff/README.md).
 * The checks run in MIPS32 code; the microMIPS snippets are called with JALR
 * to their (odd) address and return with JR $ra (even: back to MIPS32). A
 * label in microMIPS code is odd when taken with la (the ISA bit).
 */
#include "isa.h"
ISA_NAME("isa/vp_micromips")

#define C0_BADINSTR  $8, 1
#define C0_BADINSTRP $8, 2

/* call the microMIPS snippet at label (jalr from MIPS32) */
    .macro MMCALL lbl
    la      $t9, \lbl
    jalr    $t9
    nop
    .endm

TEST_BEGIN
    /* Config3.ISA = 2 (MIPS32 and microMIPS, MIPS32 at reset), ISAOnExc = 0 */
    mfc0    $t0, $16, 3
    ext     $t1, $t0, 14, 2
    CHK($t1, 2)
    ext     $t1, $t0, 16, 1
    CHK($t1, 0)

    /* ---- execution, links, mode switches ---- */
    li      $a0, 5
    li      $a1, 7
    MMCALL  mm_alu
    CHK($v0, 12 * 4 - 1)
    CHK($v1, 0x12345678)
    /* JAL/JALS/JALR16/JALRS16/BGEZALS/JALX links: ISA bit 1, skip the slot */
    MMCALL  mm_links
    la      $t0, mm_l_jal
    addiu   $t0, $t0, 8
    CHKR($s0, $t0)
    la      $t0, mm_l_jals
    addiu   $t0, $t0, 6
    CHKR($s1, $t0)
    la      $t0, mm_l_jalr16
    addiu   $t0, $t0, 6
    CHKR($s2, $t0)
    la      $t0, mm_l_jalrs16
    addiu   $t0, $t0, 4
    CHKR($s3, $t0)
    la      $t0, mm_l_bgezals
    addiu   $t0, $t0, 6
    CHKR($s4, $t0)
    la      $t0, mm_l_jalx          /* microMIPS JALX: to MIPS32, link odd */
    addiu   $t0, $t0, 8
    CHKR($s5, $t0)
    CHK($s6, 0x32)                  /* the MIPS32 code JALX reached ran */
    /* MIPS32 JALX to microMIPS: link even (pc + 8) */
    jalx    mm_ret55
    li      $v0, 0
.Ljalx32:
    CHK($v0, 0x55)
    la      $t0, .Ljalx32
    CHKR($ra, $t0)

    /* ---- LWM/SWM/LWP/SWP: ascending addresses, s0.., fp, ra ---- */
    la      $a0, mm_buf
    MMCALL  mm_multi
    la      $a0, mm_buf
    lw      $t0, 0($a0)
    CHK($t0, 0x1600)
    lw      $t0, 4($a0)
    CHK($t0, 0x1700)
    lw      $t0, 8($a0)
    CHK($t0, 0x1800)
    lw      $t0, 12($a0)
    CHK($t0, 0x3100)                /* ra last */
    lw      $t0, 16($a0)
    CHK($t0, 0x0400)                /* SWP a0(=4), a1 */
    lw      $t0, 20($a0)
    CHK($t0, 0x0500)
    CHK($v0, 0x1600 + 0x1700 + 0x1800 + 0x3100 + 0x400 + 0x500)

    /* ---- exceptions from microMIPS code: EPC odd, BD, BadVAddr, BadInstr ---- */
    /* BREAK16 */
    EXC_CLEAR
    EXC_RESUME .Le1
    MMCALL  mm_e_break16
.Le1:
    CHK_EXC(EXCCODE_BP, mm_e_break16)
    CHK_BD(0)
    mfc0    $t0, C0_BADINSTR
    CHK($t0, 0x4685)                /* 16-bit: in bits 15:0 */
    /* SYSCALL (32-bit) */
    EXC_CLEAR
    EXC_RESUME .Le2
    MMCALL  mm_e_syscall
.Le2:
    CHK_EXC(EXCCODE_SYS, mm_e_syscall)
    mfc0    $t0, C0_BADINSTR
    CHK($t0, 0x00078b7c)            /* 32-bit: first halfword in 31:16 */
    /* LW16 misaligned: AdEL, BadVAddr */
    EXC_CLEAR
    EXC_RESUME .Le3
    la      $a0, mm_buf + 2
    MMCALL  mm_e_lw16
.Le3:
    CHK_EXC(EXCCODE_ADEL, mm_e_lw16)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, mm_buf + 6)
    /* ADD overflow (32-bit) after a 16-bit instruction */
    EXC_CLEAR
    EXC_RESUME .Le4
    li      $a0, 0x7fffffff
    MMCALL  mm_e_ov
.Le4:
    CHK_EXC(EXCCODE_OV, mm_e_ov + 2)
    /* a reserved 16-bit encoding (major opcode 0x29): RI */
    EXC_CLEAR
    EXC_RESUME .Le5
    MMCALL  mm_e_ri16
.Le5:
    CHK_EXC(EXCCODE_RI, mm_e_ri16)
    /* 16-bit BREAK in the slot of a 32-bit BEQ: EPC = the branch, BD,
     * BadInstrP = the branch */
    EXC_CLEAR
    EXC_RESUME .Le6
    MMCALL  mm_e_ds32
.Le6:
    CHK_EXC(EXCCODE_BP, mm_e_ds32)
    CHK_BD(1)
    mfc0    $t0, C0_BADINSTR
    CHK($t0, 0x4686)
    mfc0    $t0, C0_BADINSTRP
    srl     $t0, $t0, 16
    CHK($t0, 0x9400)                /* BEQ $0, $0 first halfword */
    /* 32-bit SYSCALL in the slot of B16: EPC = the 16-bit branch, BD */
    EXC_CLEAR
    EXC_RESUME .Le7
    MMCALL  mm_e_ds16
.Le7:
    CHK_EXC(EXCCODE_SYS, mm_e_ds16)
    CHK_BD(1)
    mfc0    $t0, C0_BADINSTRP
    srl     $t1, $t0, 16
    CHK($t1, 0)
    srl     $t0, $t0, 10
    CHK($t0, 0x33)                  /* B16 major opcode, in bits 15:0 */
    /* JALS with a 16-bit slot whose LW16 is misaligned: BD, BadVAddr,
     * the link written */
    EXC_CLEAR
    EXC_RESUME .Le8
    la      $a0, mm_buf + 1
    MMCALL  mm_e_jals
.Le8:
    CHK_EXC(EXCCODE_ADEL, mm_e_jals)
    CHK_BD(1)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, mm_buf + 1)
    la      $t0, mm_e_jals
    addiu   $t0, $t0, 6
    CHKR($ra, $t0)
    /* JRC (compact) to an odd target: no delay slot, no exception */
    EXC_CLEAR
    MMCALL  mm_jrc
    CHK_NOEXC()
    CHK($v0, 3)

    /* ---- Config3.ISAOnExc = 1: handlers are entered in microMIPS ---- */
    mfc0    $s6, $15, 1             /* EBase */
    mfc0    $s7, $12
    la      $t0, mm_vectors
    mtc0    $t0, $15, 1
    mfc0    $t0, $16, 3
    li      $t1, 1 << 16
    or      $t0, $t0, $t1
    mtc0    $t0, $16, 3
    ehb
    li      $t8, 0
    syscall                         /* from MIPS32: EPC even */
.Lsys32:
    CHK($t8, 0x77)                  /* the microMIPS handler ran */
    la      $t0, .Lsys32 - 4
    CHKR($t7, $t0)
    mfc0    $t0, $16, 3
    li      $t1, ~(1 << 16)
    and     $t0, $t0, $t1
    mtc0    $t0, $16, 3
    mtc0    $s6, $15, 1
    mtc0    $s7, $12
    ehb
TEST_END

/* ---- microMIPS code ------------------------------------------------------ */
    .set push
    .set micromips
    .set noreorder
    .set noat
mm_alu:
    addu16  $v0, $a0, $a1           /* 12 */
    sll16   $v0, $v0, 2             /* 48 */
    addiur2 $v0, $v0, -1            /* 47 */
    lui     $v1, 0x1234
    ori     $v1, $v1, 0x5678
    jr      $ra
    nop

mm_links:
    move    $t7, $ra
mm_l_jal:
    jal     1f
    nop32
1:  move    $s0, $ra
mm_l_jals:
    jals    1f
    nop16
1:  move    $s1, $ra
    la      $t0, 1f
mm_l_jalr16:
    jalr16  $t0
    nop32
1:  move    $s2, $ra
    la      $t0, 1f
mm_l_jalrs16:
    jalrs16 $t0
    nop16
1:  move    $s3, $ra
mm_l_bgezals:
    bgezals $zero, 1f
    nop16
1:  move    $s4, $ra
mm_l_jalx:
    jalx    mips32_back
    nop32
    move    $s5, $ra
    jr      $t7
    nop

    .align 2
mm_ret55:
    li      $v0, 0x55
    jr      $ra
    nop

mm_multi:
    li      $s0, 0x1600
    li      $s1, 0x1700
    li      $s2, 0x1800
    move    $t7, $ra
    li      $ra, 0x3100
    swm32   $16-$18,$31, 0($a0)
    li      $s0, 0
    li      $s1, 0
    li      $s2, 0
    li      $ra, 0
    lwm32   $16-$18,$31, 0($a0)
    addu    $v0, $s0, $s1
    addu    $v0, $v0, $s2
    addu    $v0, $v0, $ra
    move    $t6, $a0
    li      $a0, 0x400
    li      $a1, 0x500
    swp     $a0, 16($t6)
    li      $a0, 0
    li      $a1, 0
    lwp     $a0, 16($t6)
    addu    $v0, $v0, $a0
    addu    $v0, $v0, $a1
    jr      $t7
    nop

mm_e_break16:
    break16 5
    jr      $ra
    nop
mm_e_syscall:
    syscall 7
    jr      $ra
    nop
mm_e_lw16:
    lw16    $v0, 4($a0)
    jr      $ra
    nop
mm_e_ov:
    move    $v0, $a0
    add     $v0, $v0, $a0
    jr      $ra
    nop
mm_e_ri16:
    .insn
    .hword  0xa400                  /* major opcode 101001: reserved */
    jr      $ra
    nop
mm_e_ds32:
    beq     $zero, $zero, 1f
    break16 6
1:  jr      $ra
    nop
mm_e_ds16:
    b16     1f
    syscall 1
1:  jr      $ra
    nop
mm_e_jals:
    jals    1f
    lw16    $v0, 0($a0)
1:  jr      $ra
    nop
mm_jrc:
    li      $v0, 1
    la      $t0, 1f
    jrc     $t0
    li      $v0, 2                  /* skipped */
1:  addiu   $v0, $v0, 2
    jr      $ra
    nop
    .set pop

/* MIPS32, reached by the microMIPS JALX */
    .align 2
mips32_back:
    li      $s6, 0x32
    jr      $ra
    nop

/* Exception vectors for the ISAOnExc test: +0x180 holds microMIPS code. It
 * records t8 = 0x77, t7 = EPC, and returns after the SYSCALL. */
    .align 12
mm_vectors:
    .skip   0x180
    .set push
    .set micromips
    .set noreorder
    .set noat
    li      $t8, 0x77
    mfc0    $t7, $14
    addiu   $k0, $t7, 4
    mtc0    $k0, $14
    ehb
    eret
    .set pop

    .data
    .align 3
mm_buf: .space 64
