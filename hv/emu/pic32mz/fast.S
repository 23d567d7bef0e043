/*
 * The board's fast path for the hottest emulated accesses: a guest's LW
 * of its virtual interrupt controller's IFSn/IECn (a handler or a driver
 * polling its flags), answered from the words vintc.c keeps in step with
 * the controller (evic_fast, emu.h) without the C path, and a guest's
 * aligned LW of its console UART's STA (polled before every byte: label
 * 10, from uart_fast, emu.h; 77 cycles in all, the C path 419). (Stores stay in
 * C: one that changes nothing could end here in ~80 cycles, but the
 * checks cost every flag-clearing store ~45 before it reaches C, and
 * the interrupt round trip is what counts.) Anything it does
 * not handle goes to exc_common unchanged: not an aligned LW of the
 * controller's page at 0x040..0x13c, in a delay slot, a fetch from that
 * page, an exception inside the hypervisor, a real flag the guest polls
 * that is up (C raises it in the guest's controller), or an offered
 * interrupt taken since the last exit (C records it and re-offers).
 * Like hc_fast, it changes nothing the exit path would look at, so
 * skipping it is exact; a timer deadline that passed meanwhile is a root
 * interrupt taken at the guest's next instruction. The shell's exit and
 * emulation counts do not see these loads.
 *
 * microMIPS guest code never matches: no microMIPS load has 0x23 (LW)
 * in BadInstr bits 31:26 (0x23 is a 16-bit major opcode, BEQZ16), so
 * its loads all go to C (insn_mm.c).
 *
 * Contract (entry.S's general vector): ExcCode TLBL, GExcCode GPA (a
 * guest load the root TLB refused: BadVAddr = GPA), k0 = Cause; every
 * GPR of shadow set 0 is free. BadVAddr and the instruction's own
 * address agree in their page offset (a TLB never changes it), so the
 * LW's base register is not read.
 *
 * Cycles (vpsim): the LW 1 + entry 5 + vector 10 + here 38 + gpr table
 * 5 + ERET 3 ~ 62; an IFSn with a real vector whose flag is clear reads
 * the real IFSn too (+9).
 */
#include <mips/mipsregs.h>
#include <pic32mz/chip.h>
#include "emu.h"

    .set noreorder
    .set noat
    .set virt

    .text
    .globl board_fast_load
    .ent board_fast_load
board_fast_load:
    mfc0    $t0, $8                 # BadVAddr = GPA
    mfc0    $t2, $8, 1              # BadInstr
    mfc0    $t1, $13, 5             # NestedExc
    lui     $t4, %hi(INTC_PHYS)     # the controller's page, physical
    xor     $t3, $t0, $t4
    srl     $t3, $t3, 12
    bnez    $t3, 10f                # another page: the console UART's STA?
    andi    $t1, $t1, ST0_EXL
    bnez    $t1, 9f                 # inside the hypervisor: C panics
    srl     $t5, $t2, 26
    xori    $t5, $t5, 0x23
    bnez    $t5, 9f                 # not LW
    mfc0    $t6, $14                # EPC
    bltz    $k0, 9f                 # Cause.BD
    xor     $t6, $t6, $t0
    ext     $t6, $t6, 12, 17
    beqz    $t6, 9f                 # a fetch from the page (kseg0/kseg1 PC)
    andi    $t7, $t0, 0xfff
    addiu   $t7, $t7, -0x40         # 0: IFS0
    sltiu   $t8, $t7, 0x100         # IFS0 .. the hole after IEC6
    beqz    $t8, 9f
    andi    $t8, $t7, 3
    bnez    $t8, 9f                 # unaligned: C faults it
    mfc0    $t9, $10, 4             # GuestCtl1: ID in 7:0
    andi    $t9, $t9, 7
    sll     $t9, $t9, 2
    lui     $t4, %hi(vintc_of)
    addu    $t4, $t4, $t9
    lw      $t4, %lo(vintc_of)($t4) # this guest's words (struct vevic)
    andi    $t8, $t7, 0xc
    bnez    $t8, 2f                 # CLR/SET/INV alias: reads 0
    move    $a1, $zero
    srl     $t8, $t7, 2
    addu    $t8, $t4, $t8
    lw      $a1, 0($t8)             # IFSn / IECn (holes: 0)
    sltiu   $t3, $t7, 0x10 * 8
    beqz    $t3, 2f                 # IECn
    srl     $t8, $t7, 4             # n
    sll     $t8, $t8, 2
    addu    $t8, $t4, $t8
    lw      $t8, VI_REAL($t8)       # its real vectors in IFSn
    nor     $t3, $a1, $zero
    and     $t8, $t8, $t3           # ... whose flag is clear
    beqz    $t8, 2f
    lui     $t3, 0xa000
    or      $t3, $t3, $t0           # the real IFSn (kseg1)
    lw      $t3, 0($t3)
    and     $t8, $t8, $t3
    bnez    $t8, 9f                 # a real flag to raise: C
2:  lui     $t5, %hi(virq_offered)
    lw      $t5, %lo(virq_offered)($t5)
    mfc0    $t6, $10, 6             # GuestCtl2
    bne     $t5, $t6, 9f            # an offered interrupt was taken: C
    ext     $a0, $t2, 16, 5         # rt
    jal     arch_gpr_set            # (guest) rt = a1
    mfc0    $k1, $14
    addiu   $k1, $k1, 4
    mtc0    $k1, $14
    ehb
    eret
9:  j       exc_common
    nop

/* The console UART's STA (t0 = GPA, t1 = NestedExc.EXL, t2 = BadInstr):
 * STA from the guest's uart_fast words (vuart.c keeps them in step), TRMT
 * and the transmitter's UTXBF from Count as vuart_read has them: left =
 * tx_busy_until - Count; TRMT when left <= 0, UTXBF when left > 8
 * characters' time. left is a signed Count difference, exact while the
 * transmitter is busy (its backlog is at most 9 characters, under 2^31
 * ticks); an idle one, however long idle, has TRMT in its STA word and a
 * FULL word no difference exceeds, so neither sum changes it (vuart.c,
 * uart_fast_sync). 7 cycles from board_fast_load's entry to here, 28
 * here, then label 2 (the offer check, rt, EPC + 4, ERET). */
10: bnez    $t1, 9b                 # inside the hypervisor: C panics
    mfc0    $t9, $10, 4             # GuestCtl1: ID in 7:0
    andi    $t9, $t9, 7
    addiu   $t9, $t9, -1
    sll     $t9, $t9, UART_FAST_SHIFT
    lui     $t4, %hi(uart_fast)
    addiu   $t4, $t4, %lo(uart_fast)
    addu    $t4, $t4, $t9           # this guest's words
    lw      $t5, UART_FAST_PA($t4)
    srl     $t6, $t2, 26
    bne     $t5, $t0, 9b            # not its STA (1: no emulated UART)
    xori    $t6, $t6, 0x23
    bnez    $t6, 9b                 # not LW
    mfc0    $t7, $14                # EPC
    bltz    $k0, 9b                 # Cause.BD
    xor     $t7, $t7, $t0
    ext     $t7, $t7, 12, 17
    beqz    $t7, 9b                 # a fetch from the page
    lw      $t5, UART_FAST_BUSY($t4)
    mfc0    $t6, $9                 # Count (hv_ticks)
    lw      $t8, UART_FAST_FULL($t4)
    lw      $a1, UART_FAST_STA($t4)
    subu    $t5, $t5, $t6           # left
    slt     $t6, $t8, $t5           # left > 8 characters: UTXBF
    sll     $t6, $t6, 9
    or      $a1, $a1, $t6
    slti    $t6, $t5, 1             # left <= 0: TRMT
    sll     $t6, $t6, 8
    b       2b
    or      $a1, $a1, $t6
    .end board_fast_load

