/*
 * Partitions: reset, stop, which one the hardware holds, the lazy FPU, and
 * the part-1 scheduler (run the guests in turn, switching on yield/WAIT or
 * when one stops). Issue 7 replaces the policy (time windows) behind
 * sched_yield()/sched_resume(); the mechanics (vcpu_load) stay.
 */
#include "hv.h"

struct vcpu vcpus[CONFIG_NR_GUESTS];
struct vcpu *cur;
const uint32_t *hv_tree_of[8];

static struct vcpu *loaded;   /* whose guest context the hardware holds */
static struct vcpu *entered;  /* the guest the last ERET went to */
static struct vcpu *fpu_owner;
static struct fpu_ctx fpu_ctx[CONFIG_NR_GUESTS];

_Static_assert(CONFIG_NR_GUESTS <= TVP_MAX_GUESTS, "guests 1..7 = shadow sets 1..7");

static unsigned idx(const struct vcpu *v)
{
    return (unsigned)(v - vcpus);
}

static void set_pss(unsigned set)
{
    write_c0_srsctl((read_c0_srsctl() & ~SRSCTL_PSS) | set << SRSCTL_PSS_SHIFT);
}

/* Root Status.FR follows the loaded guest's, so the FPU behaves in the
 * guest's register mode and is saved/restored in it. */
void fpu_sync_fr(void)
{
    uint32_t st = read_c0_status();
    uint32_t fr = read_gc0_status() & ST0_FR;
    if ((st & ST0_FR) != fr)
        write_c0_status((st & ~ST0_FR) | fr);
}

/* Puts v's guest CP0 context in the hardware (the other one to memory).
 * The guest TLB is not saved: part 1 clears it for the incoming guest
 * (guests that use their TLB across switches need issue 7). */
static void vcpu_load(struct vcpu *v)
{
    if (loaded == v)
        return;
    if (loaded)
        arch_gctx_save(&loaded->gctx);
    arch_gctx_load(&v->gctx);
    arch_guest_tlb_clear();
    loaded = v;
    if (fpu_owner == v)
        set_c0_status(ST0_CU1);
    else
        clear_c0_status(ST0_CU1);
    fpu_sync_fr();
}

void vcpu_reset(struct vcpu *v)
{
    arch_gctx_reset(&v->gctx);
    if (loaded == v) {
        arch_gctx_load(&v->gctx);
        arch_guest_tlb_clear();
        fpu_sync_fr();
    }
    if (fpu_owner == v) {
        fpu_owner = 0;
        clear_c0_status(ST0_CU1);
    }
    fpu_ctx[idx(v)] = (struct fpu_ctx){{0}, 0};
    /* its shadow set: zeroed, as nothing of a previous run may leak */
    uint32_t pss = read_c0_srsctl() & SRSCTL_PSS;
    set_pss(v->id);
    for (unsigned r = 1; r < 32; r++)
        arch_gpr_set(r, 0);
    write_c0_srsctl((read_c0_srsctl() & ~SRSCTL_PSS) | pss);
    board_guest_reset(v->id);
    v->vt_armed = 0;
    v->pc = v->cfg->entry;
    v->state = VCPU_RUNNABLE;
}

void vcpu_stop(struct vcpu *v)
{
    v->state = VCPU_STOPPED;
    hv_printf("tinyVP: guest %s stopped\n", v->cfg->name);
}

void vcpu_init_all(void)
{
    for (unsigned i = 0; i < CONFIG_NR_GUESTS; i++) {
        struct vcpu *v = &vcpus[i];
        v->cfg = &tvp_guests[i];
        v->id = v->cfg->id;
        hv_tree_of[v->id & 7] = v->cfg->tlb_tree;
        vcpu_reset(v);
    }
    cur = &vcpus[0];
}

/* ---- lazy FPU ---------------------------------------------------------- */

/* Root CpU (CE = 1) from guest v: the FPU becomes v's. false: v may not
 * use it (no `fpu: true`). */
bool fpu_take(struct vcpu *v)
{
    if (!(v->cfg->flags & TVP_GUEST_FPU))
        return false;
    set_c0_status(ST0_CU1);
    if (fpu_owner != v) {
        uint32_t st = read_c0_status();
        if (fpu_owner) { /* saved in the owner's own register mode */
            write_c0_status((st & ~ST0_FR) | (fpu_owner->gctx.status & ST0_FR));
            arch_fpu_save(&fpu_ctx[idx(fpu_owner)]);
            write_c0_status(st);
        }
        arch_fpu_restore(&fpu_ctx[idx(v)]);
        fpu_owner = v;
    }
    return true;
}

/* The current guest's FPU registers as memory (CP1 load/store emulation):
 * saved to its image, changed there, restored. */
void fpu_save_cur(struct fpu_ctx **ctx)
{
    *ctx = &fpu_ctx[idx(cur)];
    arch_fpu_save(*ctx);
}

void fpu_restore_cur(void)
{
    arch_fpu_restore(&fpu_ctx[idx(cur)]);
}

/* ---- scheduler (part 1) ------------------------------------------------ */

static struct vcpu *sched_pick(struct vcpu *after)
{
    unsigned start = after ? idx(after) + 1 : 0;
    for (unsigned k = 0; k < CONFIG_NR_GUESTS; k++) {
        struct vcpu *v = &vcpus[(start + k) % CONFIG_NR_GUESTS];
        if (v->state == VCPU_RUNNABLE)
            return v;
    }
    return 0;
}

void sched_yield(void)
{
    struct vcpu *n = sched_pick(cur);
    if (n)
        cur = n;
}

/* The guest's highest pending virtual interrupt, offered through
 * GuestCtl2 (EIC form: level and vector offset); the hardware takes it
 * when the guest's IE/EXL/IPL allow and clears GRIPL. Re-offered after
 * every exit while the guest's flag stays set, as the real controller
 * keeps requesting it. */
static void virq_update(bool force)
{
    static uint32_t offered; /* what the last update wrote */
    unsigned level;
    uint32_t voff, gc2 = 0;
    /* unchanged controller and not taken since (GRIPL still there): done */
    if (!force && !board_virq_changed(cur->id) && read_c0_guestctl2() == offered)
        return;
    if (board_virq_pending(cur->id, &level, &voff))
        gc2 = level << GUESTCTL2_GRIPL_SHIFT | (voff & GUESTCTL2_GVEC);
    write_c0_guestctl2(gc2);
    offered = gc2;
}

/* Root CP0 for the ERET: back into the same guest costs an EPC write and
 * the interrupt check (GM, PSS and GuestCtl1 are as the exit left them). */
void sched_resume(void)
{
    if (!cur || cur->state != VCPU_RUNNABLE)
        cur = sched_pick(cur);
    if (cur && cur == entered) {
        virq_update(false);
        write_c0_epc(cur->pc);
        return;
    }
    entered = cur;
    if (!cur) { /* nothing to run: root idles until an interrupt */
        write_c0_guestctl0(read_c0_guestctl0() & ~GUESTCTL0_GM);
        write_c0_guestctl1(0);
        set_pss(0);
        write_c0_epc((uint32_t)hv_idle_loop);
        return;
    }
    vcpu_load(cur);
    write_c0_guestctl1(cur->id << GUESTCTL1_RID_SHIFT | cur->id);
    set_pss(cur->id);
    virq_update(true);
    write_c0_epc(cur->pc);
    write_c0_guestctl0(read_c0_guestctl0() | GUESTCTL0_GM);
}
