/*
 * Access emulation: a guest load/store that the root TLB did not map (a
 * root TLB refill that found no leaf, an invalid half, a store to a
 * read-only page) lands here with BadVAddr = the GPA. The device list of
 * the guest says what the address is: a sub-page exclusive range
 * (forwarded), write-ignore (reads forwarded, writes dropped and maybe
 * logged), emulated (the board's emulator), or nothing (a guest fault).
 * The instruction is decoded from BadInstr (every MIPS32 load/store form,
 * LWL/LWR/SWL/SWR, LL/SC, CP1 loads/stores; from microMIPS code, EPC bit
 * 0, every microMIPS form insn_mm.c lists, LWM/SWM/LWP/SWP included),
 * done, and the guest resumes after it (after the branch's outcome when
 * it sat in a delay slot).
 */
#include "hv.h"

/* the exit path's hottest functions: -O2 for these few */
#define HOT_O2 __attribute__((optimize("O2")))

/* The device range of the loaded guest's last access (a guest polls one
 * register, or writes a run of them): checked before the search. */
static const struct tvp_dev_range *last_dev;

HOT_O2 static const struct tvp_dev_range *dev_find(const struct tvp_guest *g, uint32_t pa,
                                            unsigned size)
{
    const struct tvp_dev_range *d = last_dev;
    if (d && d >= g->devs && d < g->devs + g->nr_devs && pa - d->base < d->size &&
        pa - d->base + size <= d->size)
        return d;
    unsigned lo = 0, hi = g->nr_devs;
    while (lo < hi) { /* sorted, disjoint: a binary search */
        unsigned mid = (lo + hi) / 2;
        d = &g->devs[mid];
        if (pa < d->base)
            hi = mid;
        else if (pa - d->base >= d->size)
            lo = mid + 1;
        else
            return pa - d->base + size <= d->size ? (last_dev = d) : 0;
    }
    return 0;
}

/* The last refusal was a bus error of the real device (a forwarded
 * access), not an emulator's or the checks' "no": dev_refused tells. */
static bool dev_buserr;

/* A forwarded access the device refused: the guest's fault, never the
 * hypervisor's. A bus error is recorded as what the guest's own access
 * would have taken on a bare chip (ExcCode DBE, HM_BUS: reflected as a
 * DBE); any other refusal is HM_DEV. */
static void dev_refused(uint32_t gpa)
{
    if (dev_buserr) {
        dev_buserr = false;
        ex.cause = (ex.cause & ~CAUSEF_EXCCODE) | EXCCODE_DBE << CAUSEB_EXCCODE;
        health_fault(HM_BUS, gpa);
        return;
    }
    health_fault(HM_DEV, gpa);
}

/* One aligned word of the device, the lanes of which a store touches
 * (0x000000ff ... 0xffffffff, value in place). Forwarded stores keep the
 * guest's access width where the lanes allow it. */
HOT_O2 static bool dev_store(const struct tvp_dev_range *d, uint32_t wa, uint32_t val, uint32_t lanes)
{
    switch (d->access) {
    case TVP_ACCESS_EMULATED:
        return board_emu_write(d->emulator, cur->id, wa, val, lanes);
    case TVP_ACCESS_WRITE_IGNORE_LOG:
        if (board_sys_write(cur->id, wa, val, lanes))
            return true; /* one of the guest's own (its reset control) */
        if (CONFIG_WI_LOG_GUESTS) /* (else no guest has such a device) */
            hv_log("guest %s: write %08x to %s %08x dropped (pc %08x)\n",
                      cur->cfg->name, val & lanes, tvp_device_names[d->device], wa, ex.epc);
        return true;
    case TVP_ACCESS_WRITE_IGNORE:
        board_sys_write(cur->id, wa, val, lanes); /* its own, or dropped */
        return true;
    default:
        break;
    }
    dev_buserr = !board_dev_write_lanes(wa, val, lanes);
    return !dev_buserr;
}

/* size bytes at pa (naturally aligned, or the whole word for LWL/LWR). */
HOT_O2 static bool dev_load(const struct tvp_dev_range *d, uint32_t pa, unsigned size, uint32_t *val)
{
    uint32_t w;
    if (d->access != TVP_ACCESS_EMULATED) {
        if (d->access == TVP_ACCESS_EXCLUSIVE || !board_sys_read(cur->id, pa & ~3u, &w)) {
            dev_buserr = !board_dev_read(pa, size, val);
            return !dev_buserr;
        }
    } else {
        /* a software interrupt's flag follows the core's request
         * (DS60001320 sec. 7): Cause.IP1:0 set since the last look raises
         * CS0IF/CS1IF before the controller is read (guest Cause writes
         * do not trap) */
        if (d->emulator == TVP_EMU_EVIC)
            virq_soft_check(cur);
        if (!board_emu_read(d->emulator, cur->id, pa & ~3u, &w))
            return false;
    }
    w >>= 8 * (pa & 3);
    *val = size == 4 ? w : w & ((1u << 8 * size) - 1);
    return true;
}

/* A 32-bit word of an FPR in the saved image (FR = 1: 64-bit registers;
 * FR = 0: odd singles are the high words of the even doubles). */
static uint32_t *fpr_word(struct fpu_ctx *c, unsigned r, unsigned half)
{
    uint32_t *w = (uint32_t *)c->fpr;
    if (read_c0_status() & ST0_FR)
        return &w[2 * r + half];
    return &w[2 * (r & ~1u) + ((r & 1) | half)];
}

/* Does the access; false: the device refused it. */
static bool emul_do(const struct tvp_dev_range *d, const struct mem_op *op, uint32_t pa)
{
    uint32_t v, old;
    unsigned b = pa & 3, sh;
    switch (op->kind) {
    case MEM_LEFT:    /* LWL/SWL, little-endian: bytes b..0 of the word */
    case MEM_RIGHT: { /* LWR/SWR: bytes 3..b */
        bool left = op->kind == MEM_LEFT;
        sh = left ? 8 * (3 - b) : 8 * b;
        old = arch_gpr_get(op->reg);
        if (op->store)
            return dev_store(d, pa & ~3u, left ? old >> sh : old << sh,
                             left ? 0xffffffffu >> sh : 0xffffffffu << sh);
        if (!dev_load(d, pa & ~3u, 4, &v))
            return false;
        arch_gpr_set(op->reg, (left ? v << sh : v >> sh) |
                                  (!sh ? 0 : left ? old & (0xffffffffu >> (32 - sh)) : old & (0xffffffffu << (32 - sh))));
        return true;
    }
    case MEM_MULTI: { /* LWM/SWM, LWP/SWP: words at pa, pa + 4, ... */
        uint32_t w[10], regs = op->regs;
        unsigned n = op->reg, r[10];
        for (unsigned k = 0, g = 0; k < n && k < 10; k++, g++) {
            while (g < 31 && !((regs >> g) & 1))
                g++;
            r[k] = g;
        }
        for (unsigned k = 0; k < n && k < 10; k++)
            if (op->store ? !dev_store(d, pa + 4 * k, arch_gpr_get(r[k]), 0xffffffffu)
                          : !dev_load(d, pa + 4 * k, 4, &w[k]))
                return false;
        for (unsigned k = 0; !op->store && k < n && k < 10; k++)
            arch_gpr_set(r[k], w[k]);
        return true;
    }
    case MEM_FPU: {
        struct fpu_ctx *c;
        bool ok = true;
        fpu_save_cur(&c); /* the guest ran it, so the FPU is the guest's */
        for (unsigned h = 0; h < op->size / 4 && ok; h++) {
            uint32_t *w = fpr_word(c, op->reg, h);
            if (op->store)
                ok = dev_store(d, pa + 4 * h, *w, 0xffffffffu);
            else
                ok = dev_load(d, pa + 4 * h, 4, w);
        }
        fpu_restore_cur();
        return ok;
    }
    default: /* plain, LL (a plain load here), SC (always succeeds) */
        if (op->store) {
            unsigned lanes = op->size == 4 ? 0xffffffffu : ((1u << 8 * op->size) - 1) << 8 * b;
            if (!dev_store(d, pa & ~3u, arch_gpr_get(op->reg) << 8 * b, lanes))
                return false;
            if (op->kind == MEM_SC)
                arch_gpr_set(op->reg, 1);
            return true;
        }
        if (!dev_load(d, pa, op->size, &v))
            return false;
        if (op->sign)
            v = op->size == 1 ? (uint32_t)(int32_t)(int8_t)v : (uint32_t)(int32_t)(int16_t)v;
        arch_gpr_set(op->reg, v);
        return true;
    }
}

/* The guest PC of the faulting instruction as a GPA, when it is in an
 * unmapped guest segment (kseg0/kseg1); else ~0. (microMIPS: the delay
 * slot follows a 16- or 32-bit branch; BadInstrP read.) */
static uint32_t pc_gpa(void)
{
    uint32_t pc = ex.epc & ~1u;
    if (ex.cause & CAUSEF_BD)
        pc += ex.epc & 1 ? insn_mm_len(ex.badinstrp) : 4;
    return pc >= KSEG0 && pc < KSEG2 ? CPHYSADDR(pc) : ~0u;
}

/* The common case, kept short: an aligned LW or SW of the guest's own
 * address (kseg0/kseg1 or mapped: the page offset must agree), not in a
 * delay slot. Anything else: false, the general path decides. */
HOT_O2 static bool emul_fast(uint32_t gpa, uint32_t i)
{
    unsigned op = i >> 26;
    if ((op != 0x23 && op != 0x2b) || (ex.cause & CAUSEF_BD) || (ex.epc & 1) ||
        (EXCCODE(ex.cause) == EXCCODE_TLBL && (pc_gpa() ^ gpa) < 0x1000))
        return false;
    uint32_t ea = arch_gpr_get((i >> 21) & 31) + (uint32_t)(int32_t)(int16_t)i;
    if (((ea ^ gpa) & 0xfff) || (ea & 3))
        return false;
    const struct tvp_dev_range *d = dev_find(cur->cfg, gpa, 4);
    if (!d)
        return false;
    uint32_t v;
    /* A refusal is the guest's fault here: the general path must not do
     * the access a second time (an emulator's refusal may have effects,
     * e.g. the DMA emulator disarming a channel). */
    if (op == 0x2b) {
        if (!dev_store(d, gpa, arch_gpr_get((i >> 16) & 31), 0xffffffffu)) {
            dev_refused(gpa);
            return true;
        }
    } else {
        if (!dev_load(d, gpa, 4, &v)) {
            dev_refused(gpa);
            return true;
        }
        arch_gpr_set((i >> 16) & 31, v);
    }
    cur->pc = ex.epc + 4;
    return true;
}

static void __attribute__((noinline)) emul_slow(bool from_refill);

HOT_O2 void emul_gpa_fault(bool from_refill)
{
    uint32_t gpa = read_c0_badvaddr();
    ex.badvaddr = gpa;
    ex.badinstr = read_c0_badinstr();
    if (GEXCCODE(ex.gctl0) != GEXC_GPA || !emul_fast(gpa, ex.badinstr)) {
        emul_slow(from_refill);
        return;
    }
    if (from_refill)
        arch_tlb_add_invalid(gpa);
    HV_STAT(cur->st.emul);
}

/* Everything else: all load/store forms, delay slots, GVA, fetches. */
static void emul_slow(bool from_refill)
{
    uint32_t gpa = ex.badvaddr;
    ex.badinstrp = read_c0_badinstrp();
    switch (GEXCCODE(ex.gctl0)) {
    case GEXC_GPA:
        break;
    case GEXC_GVA: /* BadVAddr is the guest virtual address */
        if (gpa < KSEG0 || gpa >= KSEG2) {
            health_fault(HM_MEM, gpa);
            return;
        }
        gpa = CPHYSADDR(gpa);
        break;
    default:
        health_fault(HM_EXC, gpa);
        return;
    }
    /* An instruction fetch from outside the map (BadInstr is then not the
     * instruction: no fetch from a device page is allowed either). */
    if (EXCCODE(ex.cause) != EXCCODE_MOD && EXCCODE(ex.cause) != EXCCODE_TLBS &&
        (pc_gpa() ^ gpa) < 0x1000) {
        health_fault(HM_FETCH, gpa);
        return;
    }
    struct mem_op op;
    if (!(ex.epc & 1 ? insn_mm_mem(ex.badinstr, &op) : insn_mem(ex.badinstr, &op))) {
        health_fault(HM_MEM, gpa);
        return;
    }
    ex.ilen = op.len;
    /* The access's own address must be in the faulting page (LWL/LWR may
     * report the aligned word); all the words of LWM/SWM/LWP/SWP in it
     * (one that runs from a RAM page into a device page is the guest's
     * fault: the hypervisor does not do the RAM part). */
    unsigned words = op.kind == MEM_MULTI ? op.reg : 1;
    if ((gpa & 0xfff) - (op.ea & 0xffc) >= 4 * words || (op.ea & 0xfff) + 4 * words > 0x1000) {
        health_fault(HM_MEM, gpa);
        return;
    }
    gpa = (gpa & ~0xfffu) | (op.ea & 0xfff);
    uint32_t next = exit_next_pc(); /* before any guest register changes */
    if (op.kind == MEM_CACHE) { /* CACHE/PREF on a device page: no effect */
        cur->pc = next;
        return;
    }
    unsigned span = op.kind == MEM_LEFT || op.kind == MEM_RIGHT ? 4 : op.kind == MEM_MULTI ? 4 * words : op.size;
    const struct tvp_dev_range *d = dev_find(cur->cfg, op.kind == MEM_MULTI ? gpa : gpa & ~(span - 1), span);
    if (!d) {
        health_fault(HM_MEM, gpa);
        return;
    }
    if ((op.kind == MEM_PLAIN || op.kind == MEM_LL || op.kind == MEM_SC || op.kind == MEM_FPU ||
         op.kind == MEM_MULTI) &&
        (gpa & (op.size > 4 ? 7 : op.size - 1))) {
        health_fault(HM_DEV, gpa); /* the guest's hardware would not reach here */
        return;
    }
    if (!emul_do(d, &op, gpa)) {
        dev_refused(gpa);
        return;
    }
    /* The refill found no leaf, so the whole 8 KB pair is unmapped: from
     * now on its accesses skip the walk. */
    if (from_refill)
        arch_tlb_add_invalid(gpa);
    HV_STAT(cur->st.emul);
    cur->pc = next;
}
