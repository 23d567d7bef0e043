/*
 * The board's fast paths: the hottest emulated accesses and the
 * passed-through interrupts, answered without C as the C path would
 * (docs/hypervisor.md, "Fast paths of the virtual controller and the
 * console UART"). board_fast_access: a guest's LW of its virtual
 * interrupt controller's IFSn/IECn (a handler or a driver polling its
 * flags), from the words vintc.c keeps (struct vevic, emu.h VI_*), and
 * its aligned LW of its console UART's STA (polled before every byte:
 * label 10, from uart_fast, emu.h); fast_store: its SW to IFSn/IECn (every
 * alias) and to the console UART's TXREG; vintc_offer: the interrupt
 * offer made again; vintc_inject: a passed-through vector's root
 * interrupt. Anything a path does not handle goes to exc_common
 * unchanged: for the loads, not an aligned LW of the controller's page at
 * 0x040..0x13c, in a delay slot, a fetch from that page, an exception
 * inside the hypervisor, a real flag the guest polls that is up (C raises
 * it in the guest's controller), or an offered interrupt taken since the
 * last exit (C records it and re-offers). A timer deadline that passed
 * meanwhile is a root interrupt taken at the guest's next instruction.
 * The shell's exit and emulation counts do not see these accesses.
 *
 * microMIPS guest code never matches: no microMIPS load or store has 0x23
 * (LW) or 0x2b (SW) in BadInstr bits 31:26 (16-bit major opcodes), so
 * its accesses all go to C (insn_mm.c).
 *
 * Contract (entry.S's general vector): ExcCode TLBL or TLBS, GExcCode GPA
 * (a guest access the root TLB refused: BadVAddr = GPA), k0 = Cause;
 * every GPR of shadow set 0 is free. BadVAddr and the instruction's own
 * address agree in their page offset (a TLB never changes it), so the
 * base register is not read.
 *
 * Cycles (vpsim, from the access to the next guest instruction): LW of
 * IFSn/IECn 99, of STA 80 (an IFSn with a real vector whose flag is clear
 * reads the real IFSn too, +9).
 */
#include <mips/mipsregs.h>
#include <pic32mz/chip.h>
#include "emu.h"
#include "tinyvp_limits.h"

    .set noreorder
    .set noat
    .set virt

/* back to the guest after the access: EPC + 4, ERET */
    .macro  ERET_NEXT
    mfc0    $k1, $14
    addiu   $k1, $k1, 4
    mtc0    $k1, $14
    ehb
    eret
    .endm

    .text
    .globl board_fast_access
    .ent board_fast_access
board_fast_access:
    andi    $t0, $k0, 4             # Cause.ExcCode bit 0: TLBS (3), not TLBL (2)
    bnez    $t0, fast_store
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
    bnez    $t7, 1f                 # IFS0: CS0IF/CS1IF follow Cause.IP0/IP1
    mfgc0   $t8, $13, 0             # guest Cause (its writes do not trap)
    lui     $t3, %hi(arch_soft_ip)
    addu    $t3, $t3, $t9
    lw      $t3, %lo(arch_soft_ip)($t3) # IP1:0 as last sampled
    andi    $t8, $t8, CAUSEF_IP0 | CAUSEF_IP1
    bne     $t8, $t3, 9f            # changed since: C raises the flag first
    nop
1:
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
    mfc0    $t6, $10, 5             # GuestCtl2
    bne     $t5, $t6, 9f            # an offered interrupt was taken: C
    ext     $a0, $t2, 16, 5         # rt
    jal     arch_gpr_set            # (guest) rt = a1
    ERET_NEXT
9:  j       exc_common
    nop

/* The console UART's STA (t0 = GPA, t1 = NestedExc.EXL, t2 = BadInstr):
 * STA from the guest's uart_fast words (vuart.c keeps them in step), TRMT
 * and the transmitter's UTXBF from Count as vuart_read has them: left =
 * BUSY - Count; TRMT when left <= 0, UTXBF when left > 8
 * characters' time. left is a signed Count difference, exact while the
 * transmitter is busy (its backlog is at most 9 characters, under 2^31
 * ticks); an idle one, however long idle, has TRMT in its STA word and a
 * FULL word no difference exceeds, so neither sum changes it (vuart.c,
 * uart_fast_sync). 9 cycles from board_fast_access's entry to here, 28
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
    .end board_fast_access


/*
 * A guest's SW to its virtual controller's IFSn or IECn, plain or through
 * the CLR/SET/INV aliases (the flag a handler clears, the enables a
 * driver flips), from entry.S's general vector for a guest store the root
 * TLB refused (ExcCode TLBS, GExcCode GPA; k0 = Cause, t0 = BadVAddr =
 * the GPA), answered as evic_write does: the guest's own bits change,
 * the real controller follows for its passed-through vectors (a flag the
 * guest clears is cleared there too; the real enable is on while its
 * flag is down and its enable on), and the interrupt offer is made again
 * (vintc_offer). C keeps what needs more: the proximity timer on
 * (INTCON.TPC), a change of the console UART's vectors (persistent
 * sources: vuart.c) or of IEC0's core software interrupt enables (how
 * the guest runs), a real flag it has not seen yet (raised first), and
 * anything not a SW to IFSn/IECn (IPCn, OFFx, INTCON: evic_write), or in
 * a delay slot. A store to another page: 4 cycles here, then C.
 * Cycles (vpsim, from the SW to the next guest instruction): an IFSnCLR
 * that changes nothing 74; one that clears a passed-through vector's
 * flag the guest took 121 (two SFR writes, the taken interrupt
 * recorded; IFSnCLR has a path of its own, label 30: without it 173).
 */
    .ent fast_store
fast_store:
    lui     $t4, %hi(INTC_PHYS)
    xor     $t3, $t0, $t4
    srl     $t3, $t3, 12
    bnez    $t3, 20f                # another page: the console UART's TXREG?
    mfc0    $t1, $13, 5             # NestedExc
    mfc0    $t2, $8, 1              # BadInstr
    andi    $t1, $t1, ST0_EXL
    bnez    $t1, 9f                 # inside the hypervisor: C panics
    srl     $t5, $t2, 26
    xori    $t5, $t5, 0x2b
    bnez    $t5, 9f                 # not SW
    andi    $t7, $t0, 0xfff
    bltz    $k0, 9f                 # Cause.BD
    addiu   $t7, $t7, -0x40         # 16 k + alias, k: IFS0..6, hole, IEC0..6, hole
    sltiu   $t8, $t7, 0x100
    beqz    $t8, 9f                 # not IFSn/IECn
    mfc0    $t9, $10, 4             # GuestCtl1: ID in 7:0
    ext     $a0, $t2, 16, 5         # rt
    andi    $t9, $t9, 7
    sll     $t9, $t9, 2
    addu    $t4, $t9, $gp          # (set 0's $gp: C's small data)
    lw      $t4, %gp_rel(vintc_of)($t4) # this guest's controller
    sll     $a0, $a0, 3
    lui     $t3, %hi(arch_gpr_get_n)
    addu    $t3, $t3, $a0
    addiu   $t3, $t3, %lo(arch_gpr_get_n)
    jalr    $t3                     # v0 = (guest) rt: arch_gpr_get's entry rt
    srl     $t6, $t7, 2
    ins     $t6, $zero, 0, 2        # 4 k
    andi    $t3, $t7, 0x8c
    xori    $t3, $t3, 4
    beqz    $t3, 30f                # IFSnCLR, the flag a handler clears: its own path
    addu    $t6, $t4, $t6
31: lw      $a1, VI_IFS($t6)        # the word written (IFSn or IECn), old
    andi    $t8, $t7, 0x70          # 16 n
    srl     $t9, $t8, 2
    addu    $t9, $t4, $t9           # &ifs[n]
    lw      $a2, VI_OWN($t9)
    lw      $s2, VI_REAL($t9)       # its real vectors
    andi    $t3, $t7, 0xc           # alias: 0 plain, 4 CLR, 8 SET, 0xc INV
    beqz    $t3, 1f
    move    $t1, $v0                # plain
    or      $t1, $a1, $v0           # SET
    xori    $t2, $t3, 8
    beqz    $t2, 1f
    xor     $t2, $a1, $v0
    xori    $t3, $t3, 0xc
    beqz    $t3, 1f
    move    $t1, $t2                # INV
    nor     $t2, $v0, $zero
    and     $t1, $a1, $t2           # CLR
1:  andi    $t5, $t7, 0x80
    bnez    $t5, 0f                 # IECn
    nor     $t5, $a1, $zero
    and     $t5, $t5, $s2           # real vectors whose flag it has down
    andi    $t3, $t7, 0xc
    and     $t2, $t5, $v0
    movn    $t5, $t2, $t3           # ... that the store touches
    beqz    $t5, 0f
    lui     $t3, %hi(INTC_BASE)
    addu    $t3, $t3, $t8
    lw      $t3, 0x040($t3)         # the real IFSn
    and     $t5, $t5, $t3
    bnez    $t5, 9f                 # up there: its flag (C raises it first)
0:  xor     $t1, $t1, $a1
    and     $t1, $t1, $a2           # the bits that change: its own only
    beqz    $t1, 8f                 # none
    lw      $a3, VI_SLOW($t6)       # its bits C must see change
    lw      $t5, VI_INTCON($t4)
    and     $a3, $a3, $t1
    andi    $t5, $t5, EVIC_INTCON_TPC
    or      $a3, $a3, $t5
    bnez    $a3, 9f                 # one C must see; the proximity timer
    lui     $t3, %hi(INTC_BASE)
    addu    $t8, $t3, $t8           # the real controller + 16 n
    lw      $s0, VI_IFS($t9)        # old IFSn, IECn
    lw      $s1, VI_IEC($t9)
    andi    $t5, $t7, 0x80
    bnez    $t5, 3f                 # IECn
    xor     $s4, $s1, $t1           # (new IECn)
    xor     $s3, $s0, $t1           # new IFSn
    move    $s4, $s1
    b       4f
    sw      $s3, VI_IFS($t9)
3:  move    $s3, $s0
    sw      $s4, VI_IEC($t9)
4:  nor     $t3, $s3, $zero
    and     $t3, $t3, $s0
    and     $t3, $t3, $s2           # real flags it cleared: cleared there
    beqz    $t3, 5f
    nor     $t5, $s0, $zero
    sw      $t3, 0x044($t8)         # IFSnCLR
5:  and     $t5, $t5, $s1           # real enables on before (flag down, enable on)
    nor     $t3, $s3, $zero
    and     $t3, $t3, $s4           # ... and now
    xor     $t6, $t5, $t3
    and     $t6, $t6, $s2           # those that change
    beqz    $t6, 7f
    and     $t3, $t6, $t3           # (on)
    beqz    $t3, 6f
    xor     $t6, $t6, $t3           # (off)
    sw      $t3, 0x0c8($t8)         # IECnSET
6:  beqz    $t6, 7f
    nop
    sw      $t6, 0x0c4($t8)         # IECnCLR
7:  and     $t3, $s3, $s4           # pending in word n?
    sltu    $t3, $zero, $t3
    srl     $t8, $t8, 4             # n (the low bits of the address)
    lbu     $t5, VI_PEND($t4)
    sllv    $t3, $t3, $t8
    li      $t6, 1
    sllv    $t6, $t6, $t8
    nor     $t6, $t6, $zero
    and     $t5, $t5, $t6
    or      $s4, $t5, $t3
    jal     vintc_offer_s4
    sb      $s4, VI_PEND($t4)
8:  ERET_NEXT
9:  j       exc_common
    nop

/* IFSnCLR (t6 = &ifs[n], t7 = 16 n + 4, v0 = the bits written): the
 * general path's work for this one alias, without its alias and IECn
 * decoding. Clearing flags can only turn real enables on: a real vector
 * whose flag it clears and whose enable is on gets IECnSET after
 * IFSnCLR, as the general path's before/after comparison gives. */
30: lw      $a1, VI_IFS($t6)        # old IFSn
    lw      $s2, VI_REAL($t6)       # its real vectors
    lw      $a2, VI_OWN($t6)
    nor     $t5, $a1, $zero
    and     $t5, $t5, $s2
    and     $t5, $t5, $v0           # real vectors whose flag it has down that the store touches
    bnez    $t5, 31b                # (up there? the general path looks)
    and     $t1, $a1, $v0
    and     $t1, $t1, $a2           # its own flags up that the store clears
    beqz    $t1, 8b                 # none: nothing changes
    lw      $a3, VI_SLOW($t6)
    lw      $t5, VI_INTCON($t4)
    and     $a3, $a3, $t1
    andi    $t5, $t5, EVIC_INTCON_TPC
    or      $a3, $a3, $t5
    bnez    $a3, 9b                 # one C must see; the proximity timer
    lw      $s1, VI_IEC($t6)
    xor     $s3, $a1, $t1           # new IFSn
    sw      $s3, VI_IFS($t6)
    and     $t3, $t1, $s2           # real flags it cleared: cleared there
    beqz    $t3, 33f
    lui     $t5, 0xa000
    or      $t5, $t5, $t0           # the real IFSnCLR (kseg1; its GPA, t0, is its address)
    and     $t8, $t3, $s1           # ... and their real enables on where enabled
    beqz    $t8, 33f
    sw      $t3, 0($t5)             # IFSnCLR
    sw      $t8, 0x0c8 - 0x044($t5) # IECnSET
33: and     $t3, $s3, $s1           # pending and enabled left in word n?
    srl     $t8, $t7, 4             # n
    li      $t6, 1
    sllv    $t6, $t6, $t8
    lbu     $s4, VI_PEND($t4)
    nor     $t6, $t6, $zero
    and     $t6, $s4, $t6
    movz    $s4, $t6, $t3           # none: its bit down (a clear can only take it down)
    jal     vintc_offer_s4
    sb      $s4, VI_PEND($t4)
    ERET_NEXT

#define UF_BASE (uart_fast - (1 << UART_FAST_SHIFT)) /* indexed by GuestID */
/* The console UART's TXREG (t0 = GPA, t1 = NestedExc, k0 = Cause): an aligned SW of a
 * byte that needs nothing but itself and the time (vuart.c's TXOK: the
 * transmitter on, its TX interrupt needing no look, the pacing event
 * armed), not a line end, with room in the transmitter (at most 8
 * characters' time on the wire, as vuart_write) and in the guest's
 * console buffer after it (no line completes, the buffer does not fill:
 * console.c has nothing to do): the byte goes into the buffer and the
 * transmitter's time moves one character on (from Count when idle),
 * exactly as vuart_write. Anything else: C. */
20: srl     $t3, $t0, 16
    xori    $t3, $t3, (CONFIG_CONSOLE_UART_BASE >> 16) & 0x1fff
    bnez    $t3, 9b                 # not near the console UART (its 64 KB)
    mfc0    $t9, $10, 4             # GuestCtl1: ID in 7:0
    andi    $t9, $t9, 7
    sll     $t9, $t9, UART_FAST_SHIFT
    lui     $t4, %hi(UF_BASE)
    addu    $t4, $t4, $t9           # this guest's words, at %lo(UF_BASE)
    lw      $t5, %lo(UF_BASE + UART_FAST_PA)($t4)
    lw      $t6, %lo(UF_BASE + UART_FAST_TXOK)($t4)
    addiu   $t5, $t5, UART_TXREG - UART_STA
    bne     $t5, $t0, 9b            # not its TXREG
    mfc0    $t2, $8, 1              # BadInstr
    andi    $t1, $t1, ST0_EXL       # (t1: NestedExc, read above)
    srl     $t5, $t2, 26
    xori    $t5, $t5, 0x2b
    or      $t5, $t5, $t1
    bnez    $t5, 9b                 # not SW; inside the hypervisor: C panics
    ext     $a0, $t2, 16, 5         # rt
    bltz    $k0, 9b                 # Cause.BD
    beqz    $t6, 9b                 # C must look (TXOK)
    lw      $t7, %lo(UF_BASE + UART_FAST_RING)($t4)
    jal     arch_gpr_get            # v0 = (guest) rt (t0, a0)
    lw      $t5, %lo(UF_BASE + UART_FAST_BUSY)($t4)
    andi    $v0, $v0, 0xff
    xori    $t1, $v0, 0x0a
    beqz    $t1, 9b                 # a line end: C (line order, the wire)
    lhu     $t1, UART_RING_MASK($t7)
    lhu     $t2, UART_RING_HEAD($t7)
    lhu     $t3, UART_RING_TAIL($t7)
    lw      $t6, %lo(UF_BASE + UART_FAST_TXBUSY)($t4)
    subu    $t3, $t2, $t3           # bytes waiting (head < tail after the
    sltu    $t3, $t3, $t1           # 16-bit wrap: C); < size - 1: not
    beqz    $t3, 9b                 # full after this one
    mfc0    $t8, $9                 # Count (hv_ticks)
    lw      $t9, %lo(UF_BASE + UART_FAST_CHAR)($t4)
    subu    $s0, $t5, $t8           # time left on the wire
    movz    $s0, $zero, $t6         # (idle: none)
    sll     $s1, $t9, 3             # 8 characters' time
    slt     $s2, $s1, $s0
    bnez    $s2, 9b                 # the FIFO is full: the byte is lost (C)
    slt     $s2, $zero, $s0
    movz    $t5, $t8, $s2           # from now when the wire is idle
    addu    $t5, $t5, $t9           # its last byte leaves the wire then
    lw      $s3, UART_RING_BUF($t7)
    and     $s4, $t2, $t1
    addu    $s3, $s3, $s4
    sb      $v0, 0($s3)             # the byte into its console buffer
    addiu   $t2, $t2, 1
    sh      $t2, UART_RING_HEAD($t7)
    lw      $s2, %lo(UF_BASE + UART_FAST_STA)($t4)
    li      $t6, 1
    sw      $t5, %lo(UF_BASE + UART_FAST_BUSY)($t4)
    sw      $t6, %lo(UF_BASE + UART_FAST_TXBUSY)($t4)
    sw      $s1, %lo(UF_BASE + UART_FAST_FULL)($t4)
    ins     $s2, $zero, 8, 1        # TRMT off
    b       8b
    sw      $s2, %lo(UF_BASE + UART_FAST_STA)($t4)
    .end fast_store

/*
 * The offer (GuestCtl2, EIC form) of the running guest's controller made
 * again, as board_virq_pending and the core's virq_update make it: first,
 * if the guest took what was offered since (GuestCtl2 no longer what was
 * written: the hardware cleared GRIPL), its INTSTAT names it; then the
 * best vector pending and enabled with a nonzero priority (the highest
 * key, emu.h) is offered at its level with its offset (OFFx with
 * INTCON.MVEC, else 0x200), or nothing. Not with INTCON.TPC (callers
 * check). t4 = the guest's struct vevic; uses s1-s7, t8, t9; returns
 * through ra (the caller's ERET clears the hazard). Bounded: the words
 * with a vector pending and enabled (VI_PEND, at most 7), each pending
 * bit once.
 */
/* out = GuestCtl2 (EIC form) for a vector, vaddr = the guest's struct
 * vevic + 2 x the vector: its OFFx 15:0 with INTCON.MVEC (intcon: the
 * guest's INTCON, clobbered), 0x200 without; GRIPL = level. */
    .macro  GC2_OF out, vaddr, intcon, level, tmp
    lhu     \out, VI_OFF(\vaddr)     # OFFx 15:0
    andi    \intcon, \intcon, EVIC_INTCON_MVEC
    li      \tmp, EVIC_SINGLE_VOFF
    movz    \out, \tmp, \intcon     # single-vector mode
    ins     \out, \level, 24, 8      # GRIPL
    .endm

    .globl vintc_offer
    .ent vintc_offer
vintc_offer:
    lbu     $s4, VI_PEND($t4)       # the words with a vector pending and enabled
vintc_offer_s4:                     # (s4: VI_PEND, as the caller stores it)
    lw      $s1, %gp_rel(virq_offered)($gp)
    mfc0    $s2, $10, 5             # GuestCtl2
    lw      $s3, VI_OFFERED($t4)
    beq     $s1, $s2, 1f
    ext     $s7, $s3, 10, 3         # (taken: its level)
    beqz    $s3, 1f                 # (recorded already: hv_virq_sync)
    xori    $s5, $s3, 0xff          # its vector in 7:0
    ins     $s5, $s7, 8, 24         # its level in 10:8 (INTSTAT)
    lw      $s6, VI_TAKEN($t4)
    sw      $s5, VI_INTSTAT($t4)
    addiu   $s6, $s6, 1
    sw      $s6, VI_TAKEN($t4)
1:  move    $s3, $zero              # the best key
    beqz    $s4, 5f
    move    $s1, $zero              # (nothing to offer)
    move    $s6, $t4                # &ifs[n]
    li      $s7, 31                 # 32 n + 31
2:  andi    $s1, $s4, 1
    beqz    $s1, 4f
    srl     $s4, $s4, 1
    lw      $s1, VI_IFS($s6)
    lw      $s5, VI_IEC($s6)
    and     $s1, $s1, $s5           # pending and enabled
3:  beqz    $s1, 4f
    subu    $s5, $zero, $s1
    and     $s5, $s5, $s1           # the lowest bit
    xor     $s1, $s1, $s5
    clz     $s5, $s5
    subu    $s5, $s7, $s5           # its vector
    addu    $t9, $t4, $s5
    lbu     $t9, VI_IPC($t9)
    xori    $t8, $s5, 0xff          # 255 - v
    andi    $t9, $t9, 0x1f
    sll     $t9, $t9, 8
    or      $t9, $t9, $t8           # its key
    sltiu   $t8, $t9, 0x400
    bnez    $t8, 3b                 # priority 0: not requested
    sltu    $t8, $s3, $t9
    b       3b
    movn    $s3, $t9, $t8
4:  addiu   $s6, $s6, 4
    bnez    $s4, 2b
    addiu   $s7, $s7, 32
    beqz    $s3, 5f
    move    $s1, $zero
    lw      $t8, VI_INTCON($t4)
    andi    $s5, $s3, 0xff
    xori    $s5, $s5, 0xff          # its vector
    sll     $s5, $s5, 1
    addu    $s5, $s5, $t4
    ext     $t9, $s3, 10, 3         # level
    GC2_OF  $s1, $s5, $t8, $t9, $s6
5:  beq     $s1, $s2, 6f
    sw      $s3, VI_OFFERED($t4)
    mtc0    $s1, $10, 5             # GuestCtl2
6:  jr      $ra
    sw      $s1, %gp_rel(virq_offered)($gp)
    .end vintc_offer

/*
 * The running guest's virtual core timer matched (timer.S, time_fast, took
 * it out of the timer queue and re-armed Compare; t7 = its GuestID): its
 * vector 0 (the core timer's, CTIF in IFS0) raised in its controller and,
 * enabled there with a nonzero priority, offered through GuestCtl2 at
 * once if it outranks what is offered (an offer the guest took since:
 * the whole look, vintc_offer), as board_vtimer_fire and virq_update
 * make it (its key and GuestCtl2 value as vintc.c keeps them, VI_CT_KEY
 * and VI_CT_GC2: GC2_OF's), then ERET into the guest. With INTCON.TPC on (the proximity
 * timer holds requests) the flag is raised as board_vtimer_fire raises
 * it and the offer is C's: the end of an exit (hc_thin_resume, as the
 * thin hypercall's). The running guest's controller is never marked
 * changed (board_virq_dirty) while it runs: every exit's end makes its
 * offer.
 */
    .globl board_vtimer_raise
    .ent board_vtimer_raise
board_vtimer_raise:
    sll     $t3, $t7, 2
    addu    $t3, $t3, $gp
    lw      $t4, %gp_rel(vintc_of)($t3) # its controller
    lw      $s1, %gp_rel(virq_offered)($gp)
    lw      $t1, VI_IFS($t4)        # IFS0
    lw      $t2, VI_IEC($t4)        # IEC0
    lw      $t5, VI_INTCON($t4)
    ori     $t1, $t1, 1             # CTIF
    andi    $t2, $t2, 1             # CTIE
    sw      $t1, VI_IFS($t4)        # its flag up
    andi    $t0, $t5, EVIC_INTCON_TPC
    bnez    $t0, 7f                 # the proximity timer: C offers
    lw      $t6, VI_CT_KEY($t4)     # vector 0's key (0: priority 0)
    beqz    $t2, 8f                 # its enable off: pending only
    lbu     $t3, VI_PEND($t4)
    lw      $s3, VI_OFFERED($t4)
    ori     $t3, $t3, 1             # IFS0 has one pending and enabled
    beqz    $t6, 8f                 # priority 0: not requested
    sb      $t3, VI_PEND($t4)
    mfc0    $s2, $10, 5             # GuestCtl2
    bne     $s1, $s2, 6f            # an offer taken since: the whole look
    sltu    $t2, $s3, $t6
    beqz    $t2, 8f                 # what is offered outranks it
    lw      $s1, VI_CT_GC2($t4)     # its GuestCtl2 (GC2_OF's, kept by vintc.c)
    sw      $t6, VI_OFFERED($t4)
    sw      $s1, %gp_rel(virq_offered)($gp)
    mtc0    $s1, $10, 5             # GuestCtl2: offered now (ERET clears the
8:  eret                            # hazard: MIPS32 Vol. II, MD00086, ERET)
6:  jal     vintc_offer
    nop
    eret
7:  lbu     $t3, VI_PEND($t4)       # pending and enabled: IFS0's bit
    li      $t0, 1
    sllv    $t0, $t0, $t7
    or      $t3, $t3, $t2
    sb      $t3, VI_PEND($t4)
    lbu     $t1, %gp_rel(board_virq_dirty)($gp)
    mfhi    $t8                     # HI/LO: as exc_common keeps them
    or      $t1, $t1, $t0           # its controller changed
    sb      $t1, %gp_rel(board_virq_dirty)($gp)
    mflo    $t9
    lui     $t7, %hi(arch_hilo)
    sw      $t8, %lo(arch_hilo)($t7)
    sw      $t9, %lo(arch_hilo + 4)($t7)
    la      $sp, hv_stack_top
    jal     hc_thin_resume          # its PC; sched_resume
    mfc0    $a0, $14
    j       arch_eret
    nop
    .end board_vtimer_raise

/*
 * Root interrupts of the vectors passed through to guests (vpconf's
 * CONFIG_PT_IRQS: vector | owner << 8 each): the k-th has its own vector
 * offset at the controller, stub k here, which hands the pair to
 * vintc_inject in k0 (vintc.c sets OFFx at boot; with IntCtl.VS != 0
 * and Cause.IV = 1 the core enters at EBase + OFFx: MIPS32 PRA MD00090,
 * "External Interrupt Controller Mode"; every level uses shadow set 0,
 * PRISS = 0, so every GPR is free and no stack is needed). The owner
 * running (guest mode, GuestCtl1.ID the owner) and its INTCON.TPC off:
 * the vector is masked at the real controller (IECnCLR), its flag raised
 * in the owner's IFSn, and, enabled there with a nonzero priority,
 * offered through GuestCtl2 at once if it outranks what is offered (an
 * offer the guest took since: the whole look, vintc_offer), as
 * board_virq_raise and virq_update do. Otherwise (the idle loop, another
 * guest's window, TPC): C (exc_common, trap.c's irq_entry), which also
 * leaves it pending for the owner's next window. The shell's exit counts
 * do not see these. Cycles (vpsim): 77 from the raise to the guest
 * handler's first instruction (bench/hv, irq_inj).
 */
#if CONFIG_NR_PT_IRQS
    .align  3
    .globl vintc_pt_stubs
vintc_pt_stubs:
    .irp    pt, CONFIG_PT_IRQS
    b       vintc_inject
    li      $k0, \pt
    .endr

    .ent vintc_inject
vintc_inject:                       # k0 = vector | owner << 8
    mfc0    $t1, $12, 6             # GuestCtl0
    mfc0    $t2, $10, 4             # GuestCtl1: ID in 7:0
    srl     $t3, $k0, 8             # the owner
    bgez    $t1, 9f                 # GM = 0: the idle loop
    andi    $t2, $t2, 0xff
    bne     $t2, $t3, 9f            # another guest runs
    sll     $t3, $t3, 2
    addu    $t4, $t3, $gp          # (set 0's $gp: C's small data)
    lw      $t4, %gp_rel(vintc_of)($t4) # the owner's controller
    andi    $t0, $k0, 0xff          # the vector
    srl     $t7, $t0, 5             # n
    lw      $t5, VI_INTCON($t4)
    lui     $t9, %hi(INTC_BASE)     # (its low half 0)
    andi    $t1, $t5, EVIC_INTCON_TPC
    bnez    $t1, 9f                 # the proximity timer: C
    li      $t8, 1
    sllv    $t8, $t8, $t0           # its bit in IFSn/IECn
    ins     $t9, $t7, 4, 3          # + 16 n
    sw      $t8, 0x0c4($t9)         # IECnCLR: masked at the real controller
    sll     $t6, $t7, 2
    addu    $t6, $t4, $t6           # &ifs[n]
    lw      $t1, VI_IFS($t6)
    lw      $t2, VI_IEC($t6)
    addu    $t3, $t4, $t0
    or      $t1, $t1, $t8
    and     $t2, $t2, $t8
    beqz    $t2, 8f                 # its enable off: pending only
    sw      $t1, VI_IFS($t6)        # its flag up in the owner's controller
    lbu     $t6, VI_IPC($t3)
    lbu     $t2, VI_PEND($t4)
    li      $t1, 1
    sllv    $t1, $t1, $t7
    or      $t2, $t2, $t1
    andi    $t6, $t6, 0x1f
    srl     $t1, $t6, 2             # its level
    beqz    $t1, 8f                 # priority 0: not requested
    sb      $t2, VI_PEND($t4)       # word n has one pending and enabled
    lw      $s1, %gp_rel(virq_offered)($gp)
    mfc0    $s2, $10, 5             # GuestCtl2
    sll     $t6, $t6, 8
    xori    $t2, $t0, 0xff
    or      $t6, $t6, $t2           # its key
    lw      $s3, VI_OFFERED($t4)
    bne     $s1, $s2, 7f            # an offer taken since: the whole look
    sltu    $t2, $s3, $t6
    beqz    $t2, 8f                 # what is offered outranks it
    sll     $t3, $t0, 1
    addu    $t3, $t3, $t4
    GC2_OF  $s1, $t3, $t5, $t1, $t2
    sw      $t6, VI_OFFERED($t4)
    sw      $s1, %gp_rel(virq_offered)($gp)
    mtc0    $s1, $10, 5             # GuestCtl2: offered now (ERET clears the
8:  eret                            # hazard: MIPS32 Vol. II, MD00086, ERET)
7:  jal     vintc_offer
    nop
    eret
9:  j       exc_common
    nop
    .end vintc_inject
#endif
