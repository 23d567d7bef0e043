/*
 * Partitions: reset, stop, the context switch (which guest's state the
 * hardware holds), the guest TLB of guests that use one, and the lazy FPU.
 * The policy (who runs when) is sched.c's.
 *
 * What a switch from guest A to guest B costs (vcpu_load): A's guest CP0
 * context to memory, B's into the hardware (GTOffset included: B's Count
 * kept running while it was out); the guest TLB only if A or B uses it;
 * root CU1 on only if B owns the FPU (else its first FPU instruction
 * traps: fpu_take). GuestID and shadow set are sched_resume's two writes.
 */
#include "hv.h"

struct vcpu vcpus[CONFIG_NR_GUESTS];
struct vcpu *cur;
const uint32_t *hv_tree_of[8];

struct vcpu *hw_vcpu;    /* whose guest context the hardware holds */
struct vcpu *tlb_holder; /* whose entries the guest TLB holds (a tlb_user) */
struct vcpu *fpu_owner;  /* (the three: the swap, swap.S, reads them too) */
static struct fpu_ctx fpu_ctx[CONFIG_NR_GUESTS];
static uint8_t booting; /* vcpu_init_all: the devices are at their reset values already */

_Static_assert(CONFIG_NR_GUESTS <= TVP_MAX_GUESTS, "guests 1..7 = shadow sets 1..7");
_Static_assert(ARCH_LL_STUB_GPA == TVP_LL_STUB_GPA, "vpconf keeps guests off the stub's page");

/* Guests run their own CP0 (CP0) with hit-type cache ops (CG),
 * Count/Compare (GT = 0) and Config writes (CF = 0) trapped to be
 * virtualised; a reserved instruction comes to root (RI) for the health
 * monitor; CU1 changes freely (SFC1: the FPU is switched lazily through
 * root CU1). AT = 1 (guest MMU under root control) until the guest first
 * touches its TLB (a GPSI): then AT = 3 and its entries are switched
 * with it (vcpu_tlb_claim). */
#define HV_GUESTCTL0 (GUESTCTL0_CP0 | GUESTCTL0_CG | GUESTCTL0_RI | GUESTCTL0_SFC1)
#define GCTL0_AT_ROOT  (1u << GUESTCTL0_AT_SHIFT)
#define GCTL0_AT_GUEST (3u << GUESTCTL0_AT_SHIFT)

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

/* The guest TLB for v, between the outgoing context's save and v's load
 * (it goes through the guest's Index/EntryHi/EntryLo/PageMask): the
 * holder's entries saved, v's loaded if it uses its TLB, else cleared if
 * another's were there. */
void vcpu_tlb_switch(struct vcpu *v)
{
    if (tlb_holder != v) {
        if (tlb_holder)
            arch_guest_tlb_save(tlb_holder->tlb);
        if (v->tlb_user) {
            arch_guest_tlb_load(v->tlb);
            tlb_holder = v;
        } else if (tlb_holder) {
            arch_guest_tlb_clear();
            tlb_holder = 0;
        }
    }
}

/* Puts v's guest CP0 context (and guest TLB) in the hardware; true if
 * another guest's was there. */
bool vcpu_load(struct vcpu *v)
{
    if (hw_vcpu == v)
        return false;
    if (hw_vcpu)
        arch_gctx_save(&hw_vcpu->gctx);
    vcpu_tlb_switch(v);
    arch_gctx_load(&v->gctx);
    hw_vcpu = v;
    v->st.switches++;
    uint32_t st = read_c0_status() & ~(ST0_CU1 | ST0_FR);
    if (fpu_owner == v)
        st |= ST0_CU1;
    write_c0_status(st | (v->gctx.status & ST0_FR));
    return true;
}

bool vcpu_loaded(const struct vcpu *v)
{
    return hw_vcpu == v;
}

/* The loaded guest touched its TLB (a GPSI while AT = 1): from now on it
 * runs with AT = 3 and its entries are saved and restored on switches.
 * Its TLB is clean (only tlb_users leave entries, and they are cleared
 * for anyone else). */
void vcpu_tlb_claim(struct vcpu *v)
{
    v->tlb_user = 1;
    v->gctl0 = (v->gctl0 & ~GUESTCTL0_AT) | GCTL0_AT_GUEST;
    write_c0_guestctl0(v->gctl0 | GUESTCTL0_GM);
    tlb_holder = v;
    sched_tlb_claimed();
}

void vcpu_reset(struct vcpu *v)
{
    arch_gctx_reset(&v->gctx);
    /* an entry with the ISA bit: the guest boots in microMIPS, and takes
     * its exceptions in it, as a chip whose DEVCFG0.BOOTISA selects
     * microMIPS (PIC32MZ EF data sheet DS60001320, "Configuration Bits") */
    if (v->cfg->entry & 1)
        v->gctx.config3 |= MIPS_CONF3_ISA_OE;
    v->tlb_user = 0;
    v->gctl0 = HV_GUESTCTL0 | GCTL0_AT_ROOT;
    arch_soft_ip[v->id & 7] = 0;
    board_virq_dirty |= (uint8_t)(1u << v->id); /* its offer is recomputed */
    if (tlb_holder == v) { /* then it is the loaded guest too */
        arch_guest_tlb_clear();
        tlb_holder = 0;
    }
    if (hw_vcpu == v) {
        arch_gctx_load(&v->gctx);
        fpu_sync_fr();
        write_c0_guestctl0(v->gctl0 | (read_c0_guestctl0() & GUESTCTL0_GM));
    }
    if (fpu_owner == v) {
        fpu_owner = 0;
        clear_c0_status(ST0_CU1);
    }
    fpu_ctx[idx_of(v)] = (struct fpu_ctx){{0}, 0};
    /* its shadow set: zeroed, as nothing of a previous run may leak */
    uint32_t pss = read_c0_srsctl() & SRSCTL_PSS;
    set_pss(v->id);
    for (unsigned r = 1; r < 32; r++)
        arch_gpr_set(r, 0);
    write_c0_srsctl((read_c0_srsctl() & ~SRSCTL_PSS) | pss);
    uint32_t refused = board_guest_reset(v->id, booting == 0);
    if (refused)
        hv_log("guest %s: its device at %08x refused a reset write (bus error)\n", v->cfg->name, refused);
    vtimer_disarm(v);
    ev_cancel(EV_UART(idx_of(v)));
    v->pc = v->cfg->entry;
    v->state = VCPU_RUNNABLE;
}

void vcpu_stop(struct vcpu *v)
{
    v->state = VCPU_STOPPED;
    vtimer_disarm(v);
    hv_log("guest %s stopped\n", v->cfg->name);
}

HV_BOOT_GAP void vcpu_init_all(void)
{
    arch_guest_tlb_clear();
    booting = 1;
    for (unsigned i = 0; i < CONFIG_NR_GUESTS; i++) {
        struct vcpu *v = &vcpus[i];
        v->cfg = &tvp_guests[i];
        v->id = v->cfg->id;
        hv_tree_of[v->id & 7] = v->cfg->tlb_tree;
        vcpu_reset(v);
    }
    cur = 0;
    booting = 0;
}

/* v's Cause.IP1:0 now ip (the running guest, sampled at an exit): a 0 to
 * 1 change raises its software interrupt's flag (board_virq_soft). */
void virq_soft(struct vcpu *v, uint32_t ip)
{
    uint32_t rise = ip & ~arch_soft_ip[v->id & 7];
    arch_soft_ip[v->id & 7] = ip;
    if (rise)
        board_virq_soft(v->id, rise >> CAUSEB_IP);
}

/* v's virtual controller changed (an interrupt raised for it): a guest in
 * WAIT with an interrupt now pending runs again. */
void virq_kick(struct vcpu *v)
{
    if (v->state == VCPU_WAITING && virq_any_pending(v))
        v->state = VCPU_RUNNABLE;
}

/* Whether v has an interrupt pending, without taking the look for an
 * offer: its controller stays marked changed if it was, so its offer is
 * recomputed where one is made (virq_update; the swap reloads a kept
 * offer only when nothing changed since). */
bool virq_any_pending(struct vcpu *v)
{
    unsigned level;
    uint32_t voff;
    uint8_t was = board_virq_dirty & (uint8_t)(1u << v->id);
    bool any = board_virq_pending(v->id, &level, &voff);
    board_virq_dirty |= was;
    return any;
}

/* ---- lazy FPU ---------------------------------------------------------- */

/* Root CpU (CE = 1) from guest v: the FPU becomes v's. The previous
 * owner's registers and FCSR are saved in its own register mode (FR), v's
 * restored in v's. false: v may not use it (no `fpu: true`). */
bool fpu_take(struct vcpu *v)
{
    if (!(v->cfg->flags & TVP_GUEST_FPU))
        return false;
    set_c0_status(ST0_CU1);
    if (fpu_owner != v) {
        uint32_t st = read_c0_status();
        if (fpu_owner) {
            uint32_t fr = (fpu_owner == hw_vcpu ? read_gc0_status() : fpu_owner->gctx.status) & ST0_FR;
            write_c0_status((st & ~ST0_FR) | fr);
            arch_fpu_save(&fpu_ctx[idx_of(fpu_owner)]);
            write_c0_status(st);
        }
        arch_fpu_restore(&fpu_ctx[idx_of(v)]);
        fpu_owner = v;
    }
    return true;
}

/* The current guest's FPU registers as memory (CP1 load/store emulation):
 * saved to its image, changed there, restored. */
void fpu_save_cur(struct fpu_ctx **ctx)
{
    *ctx = &fpu_ctx[idx_of(cur)];
    arch_fpu_save(*ctx);
}

void fpu_restore_cur(void)
{
    arch_fpu_restore(&fpu_ctx[idx_of(cur)]);
}
