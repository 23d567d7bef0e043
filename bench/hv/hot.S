/*
 * The measured instructions of the probe guest (probe.c), in `.hot`
 * (0x9D020000, bench/rt/hot.ld) so that no root instruction shares their
 * addresses. Each global label is a vpsim --measure point
 * (bench/hv/run): the instruction at LABEL starts a sample, the one at
 * LABEL + 4 (or the label named there) ends it.
 */
    .set noreorder
    .set noat
    .section .hot, "ax"

/* void bench_hc(unsigned n): n hypercalls (version, code 0: v0/v1 set) */
    .globl bench_hc, bench_hc_insn
    .ent bench_hc
bench_hc:
bench_hc_insn:
    .word   0x42000028              # HYPCALL 0
    addiu   $a0, $a0, -1
    bnez    $a0, bench_hc_insn
    nop
    jr      $ra
    nop
    .end bench_hc

/* void bench_hct(unsigned n): n time hypercalls (code 3: a service
 * written in C, called by the hypervisor's thin hypercall exit; HYPCALL 0
 * is answered in assembly) */
    .globl bench_hct, bench_hct_insn
    .ent bench_hct
bench_hct:
bench_hct_insn:
    .word   0x42000028 | (3 << 11)  # HYPCALL 3
    addiu   $a0, $a0, -1
    bnez    $a0, bench_hct_insn
    nop
    jr      $ra
    nop
    .end bench_hct

/* void bench_ld_X(volatile uint32_t *reg, unsigned n): n loads of *reg */
    .macro  LOADS name
    .globl bench_ld_\name, bench_ld_\name\()_insn
    .ent bench_ld_\name
bench_ld_\name:
bench_ld_\name\()_insn:
    lw      $t0, 0($a0)
    addiu   $a1, $a1, -1
    bnez    $a1, bench_ld_\name\()_insn
    nop
    jr      $ra
    nop
    .end bench_ld_\name
    .endm
    LOADS intc
    LOADS uart
    LOADS dma

/* void bench_st_X(volatile uint32_t *reg, uint32_t v, unsigned n): n
 * stores of v (the DMA emulator: a plain register, an arming CONSET) */
    .macro  STORES name
    .globl bench_st_\name, bench_st_\name\()_insn
    .ent bench_st_\name
bench_st_\name:
bench_st_\name\()_insn:
    sw      $a1, 0($a0)
    addiu   $a2, $a2, -1
    bnez    $a2, bench_st_\name\()_insn
    nop
    jr      $ra
    nop
    .end bench_st_\name
    .endm
    STORES dma
    STORES dmaarm

/* void bench_st_intc(volatile uint32_t *reg, uint32_t v, unsigned n) */
    .globl bench_st_intc, bench_st_intc_insn
    .ent bench_st_intc
bench_st_intc:
bench_st_intc_insn:
    sw      $a1, 0($a0)
    addiu   $a2, $a2, -1
    bnez    $a2, bench_st_intc_insn
    nop
    jr      $ra
    nop
    .end bench_st_intc

/* void bench_st_uart(volatile uint32_t *txreg, uint32_t c): one store */
    .globl bench_st_uart, bench_st_uart_insn
    .ent bench_st_uart
bench_st_uart:
bench_st_uart_insn:
    sw      $a1, 0($a0)
    jr      $ra
    nop
    .end bench_st_uart

/* void bench_spin_X(volatile uint32_t *flag): until *flag != 0. The loop
 * is one branch and its delay slot, so an interrupt can only be taken at
 * the branch (never between a branch and its delay slot): the guest
 * resumes at bench_spin_X_loop, the end point of the round trip. */
    .macro  SPIN name
    .globl bench_spin_\name, bench_spin_\name\()_loop
    .ent bench_spin_\name
bench_spin_\name:
    lw      $t0, 0($a0)
bench_spin_\name\()_loop:
    beqz    $t0, bench_spin_\name\()_loop
    lw      $t0, 0($a0)
    jr      $ra
    nop
    .end bench_spin_\name
    .endm
    SPIN ct
    SPIN dev

/* void bench_X(unsigned port, void *buf, unsigned len, unsigned n): n
 * channel hypercalls (code 4: sampling write, 5: sampling read, 6: queuing send, 7: queuing
 * receive) with
 * a0..a2 as given; chan.yaml's two probes, one label per size so that
 * each size is its own measurement */
    .macro  CHCALL name code
    .globl bench_\name, bench_\name\()_insn
    .ent bench_\name
bench_\name:
bench_\name\()_insn:
    .word   0x42000028 | (\code << 11)
    addiu   $a3, $a3, -1
    bnez    $a3, bench_\name\()_insn
    nop
    jr      $ra
    nop
    .end bench_\name
    .endm
    CHCALL chw16, 4
    CHCALL chw256, 4
    CHCALL chr16, 5
    CHCALL chr256, 5
    CHCALL qs256, 6
    CHCALL qr256, 7
