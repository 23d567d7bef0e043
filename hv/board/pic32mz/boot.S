/*
 * The boot loader at the reset vector (boot flash, kseg1, uncached):
 * Status, flash wait states and prefetch, cache initialisation, kseg0
 * cacheable, .data copy, .bss clear, the stack, then hv_main in kseg0.
 * Clocks come from the DEVCFG words below (the chip starts on the PLL);
 * board_init() checks them. Also the BEV-time vectors and the EJTAG debug
 * vector, and the DEVCFG words.
 */
#include <mips/mipsregs.h>
#include <pic32mz/chip.h>

    .set noreorder
    .set noat

    .section .boot, "ax"
    .globl _reset
_reset:
    /* Kernel mode in exception context (the hypervisor's state for its
     * whole life), BEV until EBase is set, ERL off. Shadow set 0. */
    li      $t0, ST0_CU0 | ST0_BEV | ST0_EXL
    mtc0    $t0, $12
    mtc0    $zero, $13              # Cause: IV/DC off
    ehb

    /* Flash: 2 wait states for 200 MHz, prefetch for any address. */
    li      $t0, PREFETCH_BASE + PREFETCH_PRECON
    li      $t1, (3 << 4) | 2       # PREFEN = 3, PFMWS = 2
    sw      $t1, 0($t0)

    /* Caches: every line's tag invalid (Index Store Tag with TagLo = 0),
     * sizes from Config1 (sets 64 << S, line 2 << L, ways A + 1). */
    mtc0    $zero, $28              # TagLo
    mtc0    $zero, $28, 2           # TagLo (data side, if separate)
    ehb
    mfc0    $t0, $16, 1             # Config1
    ext     $t1, $t0, 22, 3         # IS
    ext     $t2, $t0, 19, 3         # IL
    ext     $t3, $t0, 16, 3         # IA
    jal     cache_lines
    nop
    beqz    $v1, 2f
    lui     $t4, 0x8000
1:  cache   0x08, 0($t4)            # Index Store Tag, I
    addiu   $v1, $v1, -1
    bnez    $v1, 1b
    addu    $t4, $t4, $v0
2:  ext     $t1, $t0, 13, 3         # DS
    ext     $t2, $t0, 10, 3         # DL
    ext     $t3, $t0, 7, 3          # DA
    jal     cache_lines
    nop
    beqz    $v1, 4f
    lui     $t4, 0x8000
3:  cache   0x09, 0($t4)            # Index Store Tag, D
    addiu   $v1, $v1, -1
    bnez    $v1, 3b
    addu    $t4, $t4, $v0
4:  mfc0    $t0, $16                # Config.K0 = 3: kseg0 cacheable
    ori     $t0, $t0, 7
    xori    $t0, $t0, 7 ^ CONF_CM_CACHABLE
    mtc0    $t0, $16
    ehb

    /* .data from flash, .bss cleared (bounded by the linker's sizes). */
    la      $t0, _data_lma
    la      $t1, _data
    la      $t2, _edata
    b       6f
    nop
5:  lw      $t3, 0($t0)
    addiu   $t0, $t0, 4
    sw      $t3, 0($t1)
    addiu   $t1, $t1, 4
6:  sltu    $t3, $t1, $t2
    bnez    $t3, 5b
    nop
    la      $t1, _bss
    la      $t2, _ebss
    b       8f
    nop
7:  sw      $zero, 0($t1)
    addiu   $t1, $t1, 4
8:  sltu    $t3, $t1, $t2
    bnez    $t3, 7b
    nop

    la      $sp, hv_stack_top
    la      $gp, _gp                # small data (hv/rules.mk -G): set 0's $gp
    la      $t0, hv_main
    jr      $t0
    nop

/* v1 = number of lines (0: no cache), v0 = line size, from S/L/A in
 * t1/t2/t3 (Config1 encoding). */
cache_lines:
    beqz    $t2, 9f
    move    $v1, $zero
    li      $v0, 2
    sllv    $v0, $v0, $t2           # line = 2 << L
    li      $v1, 64
    sllv    $v1, $v1, $t1           # sets = 64 << S
    addiu   $t3, $t3, 1
    mul     $v1, $v1, $t3           # lines = sets * ways
9:  jr      $ra
    nop

/* BEV = 1 vectors: only reachable before hv_main set EBase, i.e. a fault
 * of the boot itself. Nothing can be reported yet: stop. Each at its
 * fixed place in boot flash (tinyvp.ld: .boot_bev*; MIPS32 PRA, MD00090,
 * sec. 6.2.1 "Exception Vector Locations", BEV = 1); the gaps between
 * them hold start-up code (tinyvp.ld, "boot flash gaps"). */
    .section .boot.bev200, "ax"
bev_halt:
    wait
    b       bev_halt
    nop
    .section .boot.bev380, "ax"
    b       bev_halt
    nop
    .section .boot.bev400, "ax"
    b       bev_halt
    nop

/* EJTAG debug exception (MIPS EJTAG Specification MD00047; no probe
 * attached, so the vector is here): an SDBBP. Root Debug Mode, in the
 * interrupted context's shadow set; DESAVE keeps its k0. The arch layer
 * (entry.S, arch_debug_entry) turns a guest's into an exit. */
    .section .boot.ejtag480, "ax"
    mtc0    $k0, $31                # DESAVE
    la      $k0, arch_debug_entry
    jr      $k0
    nop

/* Device configuration words (DEVCFG3..0 at 0xBFC0FFC0..CC): the chipKIT
 * Wi-FIRE's clocking. Unimplemented bits are 1.
 *  DEVCFG3 0xC7FFFFFF  no one-way locks (PGL1WAY = PMDL1WAY = IOL1WAY = 0)
 *  DEVCFG2 0xFFF9B11A  SPLL from POSC (24 MHz) /3 (FPLLIDIV 2), 5-10 MHz
 *                      range (FPLLRNG 1), x50 (FPLLMULT 49), /2 (FPLLODIV 1),
 *                      USB PLL input 24 MHz (UPLLFSEL 1): SYSCLK 200 MHz
 *  DEVCFG1 0x1F74FCF9  FNOSC = SPLL, POSCMOD = EC, FCKSM = 3, WDT and DMT off
 *                      (FWDTEN = FDMTEN = 0), WINDIS
 *  DEVCFG0 0xFFFFFFFB  JTAG off, ECC off (FECCCON = 3), boot in MIPS32 */
    .section .devcfg, "a"
    .word   0xC7FFFFFF, 0xFFF9B11A, 0x1F74FCF9, 0xFFFFFFFB
