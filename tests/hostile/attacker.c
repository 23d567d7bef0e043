/*
 * attacker: one partition image holding every attack of the hostile suite's
 * matrix (tests/hostile/run). The attack is chosen at run time by the word
 * attack_sel in its program flash, which the test overwrites with vpsim's
 * --load (so one hypervisor image per policy serves every attack). It
 * prints "attacker: up NAME", then repeats the attack as fast as it runs:
 * an attack that faults comes back through its own exception handler
 * (on_fault: reflect, or an exception the guest's own hardware raises),
 * which prints "attacker: handler" once and resumes at the top of the loop;
 * under restart it starts again, under stop it never runs again. An attack
 * that checks what the hypervisor answered prints "attacker: BAD ..." when
 * the answer is wrong. The attack numbers are the order of attacks[].
 */
#include "rt.h"
#include <tinyvp/hypercall.h>

/* overwritten by the test (vpsim --load); in program flash (.rodata) */
__attribute__((used)) const uint32_t attack_sel = 0xffffffffu;

static volatile uint32_t sink, handled, ticks, fpe_skip;
static uint32_t jb[12]; /* s0..s7, fp, sp, ra, gp */

/* A setjmp/longjmp of our own (the runtime has none): the handler resumes
 * at hs_resume, which returns 1 from the hs_setjmp that filled jb. */
int hs_setjmp(uint32_t *b);
void hs_resume(void);
__asm__(".text\n.set push\n.set noreorder\n"
        ".globl hs_setjmp\nhs_setjmp:\n"
        "sw $16,0($4)\nsw $17,4($4)\nsw $18,8($4)\nsw $19,12($4)\nsw $20,16($4)\n"
        "sw $21,20($4)\nsw $22,24($4)\nsw $23,28($4)\nsw $30,32($4)\nsw $29,36($4)\n"
        "sw $31,40($4)\nsw $28,44($4)\njr $31\nmove $2,$0\n"
        ".globl hs_resume\nhs_resume:\n"
        "la $4, jb\n"
        "lw $16,0($4)\nlw $17,4($4)\nlw $18,8($4)\nlw $19,12($4)\nlw $20,16($4)\n"
        "lw $21,20($4)\nlw $22,24($4)\nlw $23,28($4)\nlw $30,32($4)\nlw $29,36($4)\n"
        "lw $31,40($4)\nlw $28,44($4)\njr $31\nli $2,1\n"
        ".set pop\n");

uint32_t rt_exception(struct rt_frame *f)
{
    if (!handled++)
        rt_printf("attacker: handler (cause %08lx)\n", (unsigned long)f->cause);
    if (fpe_skip && (f->cause >> 2 & 31) == 15) { /* fcsr: its FPE, past the CTC1 */
        fpe_skip = 0;
        return f->epc + 4;
    }
    return (uint32_t)(uintptr_t)hs_resume;
}

static void bad(const char *what, long got)
{
    rt_printf("attacker: BAD %s: %ld\n", what, got);
}

static void on_tick(unsigned vec)
{
    ticks++;
    rt_irq_clear(vec);
}

static void on_tick_noclear(unsigned vec __attribute__((unused)))
{
    ticks++; /* the flag stays: the interrupt comes again at once */
}

static void on_ct(void)
{
    ticks++;
}

static char flood[TVP_HC_CONSOLE_MAX];
static uint32_t code_buf[8] __attribute__((aligned(32)));

#define P(s) ".set push\n.set noreorder\n.set virt\n.set mips32r2\n" s "\n.set pop"
#define ASM(...) __asm__ volatile(__VA_ARGS__)

static void a_ram_store(void) { *(volatile uint32_t *)0x80010000u = 1; }
static void a_ram_load(void) { sink = *(volatile uint32_t *)0x80020000u; }
static void a_hv_ram(void) { *(volatile uint32_t *)0xA0070000u = 0xdeadbeefu; }
static void a_flash_store(void) { *(volatile uint32_t *)0x9D000000u = 0; }
static void a_boot_store(void) { *(volatile uint32_t *)0xBFC00000u = 0; }
static void a_device_load(void) { sink = SFR(UART_BASE(1)); }
static void a_device_store(void) { SFR(DMA_BASE) = 0x8000u; }
static void a_fetch_device(void) { ((void (*)(void))CFG_BASE)(); }
static void a_fetch_ram(void) { ((void (*)(void))0x80100000u)(); }
static void a_mfgc0(void) { ASM(P("mfgc0 $t0, $12, 0" )::: "$8"); }
static void a_mtgc0(void) { ASM(P("mtgc0 $zero, $12, 0")); }
static void a_tlbgwi(void) { ASM(P("tlbgwi")); }
static void a_rdpgpr(void) { ASM(P("rdpgpr $t0, $sp" )::: "$8"); }
static void a_wrpgpr(void) { ASM(P("wrpgpr $sp, $zero")); }
static void a_undef(void) { ASM(P(".word 0x0000003f")); }
static void a_sdbbp(void) { ASM(P("sdbbp 0x55")); }
static void a_uhi(void) { ASM(P("move $a0, $zero\nli $t9, 1\nsdbbp 1" )::: "$4", "$25", "memory"); }
/* a fault in a branch delay slot: BD set, EPC at the branch */
static void a_store_bd(void)
{
    ASM(P("lui $t0, 0x8001\nbeq $zero, $zero, 1f\nsw $zero, 0($t0)\n1:" )::: "$8", "memory");
}
static void a_mfgc0_bd(void) { ASM(P("bne $zero, $zero, 1f\nmfgc0 $t0, $12, 0\n1:" )::: "$8"); }
/* the stack outside its RAM: the push faults, and so does its own handler's */
static void a_stack_out(void)
{
    ASM(P("move $t1, $sp\nlui $sp, 0x8010\naddiu $sp, $sp, -16\nsw $ra, 0($sp)\nmove $sp, $t1" )::: "$9",
        "memory");
}
static void a_wait_off(void) { rt_irq_off(); for (;;) rt_wait(); }
static void a_spin_off(void) { rt_irq_off(); for (;;) sink++; }
static void a_wait_on(void) { rt_irq_on(); for (;;) rt_wait(); }
static void a_console_flood(void) { for (;;) rt_putc('#'); }
/* console writes of the largest size, as fast as they go */
static void a_hc_flood(void)
{
    for (unsigned i = 0; i < sizeof flood; i++)
        flood[i] = (char)('a' + i % 26);
    flood[sizeof flood - 1] = '\n';
    for (;;) {
        long n = tvp_hc_console_write((long)(uintptr_t)flood, sizeof flood, 0);
        if (n < 0 || n > (long)sizeof flood)
            bad("console write of 256 bytes", n);
    }
}
/* every hypercall with bad arguments: the documented errors, nothing else */
static void a_hc_bad(void)
{
    static const uint32_t bufs[] = {0, 0x00001000u, 0x7ffffff0u, 0x80007ff0u /* runs past RAM */,
                                    0x80010000u, 0xA0070000u, 0xBF800000u, 0xC0000000u,
                                    0xFFFFFFF0u};
    long r;
    for (unsigned i = 0; i < ARRAY_SIZE(bufs); i++)
        if ((r = tvp_hc_console_write((long)bufs[i], 32, 0)) != TVP_HC_EFAULT)
            bad("console write from a buffer not its own", r);
    if ((r = tvp_hc_console_write((long)(uintptr_t)flood, TVP_HC_CONSOLE_MAX + 1, 0)) != TVP_HC_EFAULT)
        bad("console write longer than the maximum", r);
    if ((r = tvp_hc_console_write((long)(uintptr_t)flood, -1, 0)) != TVP_HC_EFAULT)
        bad("console write of length -1", r);
    if ((r = tvp_hc_console_write((long)(uintptr_t)flood, 0, 0)) != 0)
        bad("console write of length 0", r);
    long v1 = -1;
    if ((r = tvp_hc_version(-1, -1, &v1)) != TVP_ABI_VERSION || v1 != 2)
        bad("version", r);
    if ((r = tvp_hc_time(-1, -1, 0)) < 0 && r != (long)0x80000000)
        (void)r; /* any time is a time */
    if ((r = tvp_hc_yield(-1, -1, 0)) != 0)
        bad("yield", r);
#define HC_ANY(c) do { register long a0 __asm__("$4") = -1; register long v0 __asm__("$2"); \
        __asm__ volatile(TVP_HC_ASM(c) : "=r"(v0) : "r"(a0) : "$3", "memory"); \
        if (v0 != TVP_HC_ENOSYS) bad("unknown hypercall " #c, v0); } while (0)
    HC_ANY(9); HC_ANY(10); HC_ANY(31); HC_ANY(255); HC_ANY(512); HC_ANY(1023);
    /* the channel services with a port this system does not have */
#define HC_NOPORT(c) do { register long a0 __asm__("$4") = -1; register long v0 __asm__("$2"); \
        __asm__ volatile(TVP_HC_ASM(c) : "=r"(v0) : "r"(a0) : "$3", "memory"); \
        if (v0 != TVP_CH_EPORT) bad("channel hypercall " #c " on no port", v0); } while (0)
    HC_NOPORT(4); HC_NOPORT(5); HC_NOPORT(6); HC_NOPORT(7); HC_NOPORT(8);
}
/* a hypercall in a delay slot: the branch must still go where it goes */
static void a_hc_bd(void)
{
    uint32_t r;
    ASM(P("li %0, 1\nbeq $zero, $zero, 1f\n.word 0x42000028 + (3 << 11)\nli %0, 2\n1:"
        ): "=r"(r) :: "$2", "$3", "memory");
    if (r != 1)
        bad("hypercall in a delay slot: the branch fell through", (long)r);
}
/* the emulated interrupt controller, hammered: flags and enables of
 * vectors it does not own, its own timer's */
static void a_emu_intc(void)
{
    for (unsigned v = 0; v < 200; v++) {
        rt_irq_set_priority(v, 7, 3);
        rt_irq_enable(v);
        rt_irq_clear(v);
        sink += rt_irq_flag(v);
    }
}
/* write-ignore registers (oscillator, PPS, CFG), written flat out */
static void a_emu_wi(void)
{
    SFR(OSC_BASE) = 0xffffffffu;
    SFR(OSC_BASE + 0x10) = 0;
    SFR(PPS_BASE + 0x40) = 0xf;
    SFR(CFG_BASE) = 0;
    sink += SFR(OSC_BASE);
}
/* an emulated load in a delay slot: branch and loaded value both right */
static void a_emu_bd(void)
{
    uint32_t r, v;
    ASM(P("li %0, 1\nlui $t0, 0xbf81\nbeq $zero, $zero, 1f\nlw %1, 0($t0)\nli %0, 2\n1:"
        ): "=&r"(r), "=&r"(v) :: "$8", "memory");
    if (r != 1)
        bad("emulated load in a delay slot: the branch fell through", (long)r);
    if (v != SFR(INTC_BASE))
        bad("emulated load in a delay slot: INTCON", (long)v);
}
/* unaligned accesses (the compiler would split a C one into LWL/LWR) */
static void a_unaligned(void) { uint32_t v; ASM(P("lw %0, 1(%1)") : "=r"(v) : "r"(&sink)); sink = v; }
static void a_unaligned_emu(void) { ASM(P("sw $zero, 2(%0)") :: "r"(INTC_BASE) : "memory"); }
/* Timer2, which it owns, at its fastest rate (period 1 PBCLK3 tick) */
static void timer_storm(rt_irq_handler_t h)
{
    SFR(TCON(2)) = 0;
    SFR(TMR(2)) = 0;
    SFR(TPR(2)) = 1;
    rt_irq_attach(VEC_TIMER2, h, 7);
    SFR(TCON(2)) = 0x8000u;
    rt_irq_on();
    for (;;)
        sink++;
}
static void a_timer_storm(void) { timer_storm(on_tick); }
static void a_timer_noclear(void) { timer_storm(on_tick_noclear); }
/* its core timer due at once, again and again */
static void a_ct_storm(void)
{
    rt_ct_periodic(1, on_ct, 7);
    rt_irq_on();
    for (;;)
        write_c0_compare(read_c0_count() + 1);
}
/* guest TLB instructions with any values (its own guest TLB) */
static void a_tlb_ops(void)
{
    ASM(P("mtc0 %0, $10\nmtc0 %0, $2\nmtc0 %0, $3\nmtc0 $zero, $0\nehb\ntlbwi\ntlbp\ntlbr\ntlbwr\nehb"
        ):: "r"(sink * 2654435761u) : "memory");
    sink++;
}
/* CACHE: index ops anywhere, hit ops on its own RAM, SYNCI */
static void a_cache_ops(void)
{
    ASM(P("cache 0x00, 0(%0)\ncache 0x01, 0(%0)\ncache 0x08, 0(%0)\ncache 0x09, 0(%0)\n"
        "cache 0x10, 0(%1)\ncache 0x11, 0(%1)\ncache 0x15, 0(%1)\ncache 0x19, 0(%1)\n"
        "synci 0(%1)\nsync" ):: "r"(0x80070000u), "r"(&sink) : "memory");
}
/* CP0 registers the guest context traps or keeps, written with junk */
static void a_cp0_storm(void)
{
    uint32_t x = sink * 2654435761u;
    ASM(P("mtc0 %0, $9\nmtc0 %0, $16\nmtc0 %0, $15\nmtc0 %0, $12, 2\nmtc0 %0, $12, 3\n"
        "mtc0 %0, $16, 7\nmtc0 %0, $26\nmtc0 %0, $28\nmtc0 %0, $29\nmtc0 %0, $23\nehb\n"
        "mfc0 $t0, $15\nmfc0 $t0, $16, 7\nmfc0 $t0, $12, 2\nmfc0 $t0, $23\nmfc0 $t0, $28"
        ):: "r"(x) : "$8", "memory");
    sink++;
}
/* self-modifying code: a routine rewritten and run, again and again */
static void a_smc(void)
{
    uint32_t n = (sink + 1) & 0x7fff;
    code_buf[0] = 0x03e00008u;  /* jr ra */
    code_buf[1] = 0x24020000u | n; /* li v0, n (its delay slot) */
    ASM(P("synci 0(%0)\nsync" ):: "r"(code_buf) : "memory");
    uint32_t (*volatile fn)(void) = (uint32_t (*)(void))(uintptr_t)code_buf;
    uint32_t got = fn();
    if (got != n)
        bad("self-modified code ran the old instruction", (long)got);
    sink = n;
}
static void a_llsc(void)
{
    for (unsigned i = 0; i < 64; i++)
        __atomic_fetch_add(&sink, 1, __ATOMIC_SEQ_CST);
}
static void a_trap(void) { ASM(P("teq $zero, $zero")); }
static void a_syscall(void) { ASM(P("syscall")); }
static void a_break(void) { ASM(P("break")); }
static void a_overflow(void) { ASM(P("lui $t0, 0x7fff\nadd $t0, $t0, $t0" )::: "$8"); }
static void a_deret(void) { ASM(P("deret")); }
/* its FCSR with a Cause bit its Enable bit makes an exception (Invalid
 * Operation: Cause bit 16, Enable bit 11; MIPS32 Vol. I, MD00082, "FCSR"):
 * its own FPE, which its handler steps over as a C runtime's FPE handler
 * may; then an FPU load from its emulated interrupt controller (IFS0), an
 * exit whose emulation writes its FPU registers and that FCSR back, and
 * the FCSR read again: it must still hold both bits */
static void a_fcsr(void)
{
    uint32_t got, v = 0x00010800u;
    fpe_skip = 1;
    ASM(P(".set hardfloat\nctc1 %0, $31\nnop") :: "r"(v));
    ASM(P(".set hardfloat\nlwc1 $f2, 0x40(%0)\nnop") :: "r"(INTC_BASE) : "memory");
    ASM(P(".set hardfloat\ncfc1 %0, $31\nctc1 $zero, $31") : "=r"(got));
    if ((got & v) != v)
        bad("FCSR after the emulated FPU load", (long)got);
}
/* a branch to itself sitting in its own delay slot, interrupts off: on a
 * simulator that never takes an interrupt between a branch and its slot,
 * a chain of slots that never ends */
static void a_ds_chain(void) { rt_irq_off(); ASM(P("b 2f\n2: b 2b\nnop")); }
/* (tests/health) a load from its Ethernet block, which the test makes a
 * bus error (vpsim --bus-error) */
static void a_bus_load(void) { sink = SFR(0xBF882000u); }
/* (tests/health) its DMA channel 0 (emulated) armed with a source
 * outside its 32K of RAM: the DMA emulator refuses the arming store */
static void a_dma_out(void)
{
    SFR(0xBF811060u) = 0;                 /* DCH0CON */
    SFR(0xBF811090u) = 0x00040000u;       /* DCH0SSA: real 256K, not its */
    SFR(0xBF8110A0u) = 0x00001000u;       /* DCH0DSA: its own RAM */
    SFR(0xBF8110B0u) = 16;                /* DCH0SSIZ */
    SFR(0xBF8110C0u) = 16;                /* DCH0DSIZ */
    SFR(0xBF8110F0u) = 16;                /* DCH0CSIZ */
    SFR(0xBF811068u) = 0x80u;             /* DCH0CONSET = CHEN */
}

static const struct {
    const char *name;
    void (*fn)(void);
} attacks[] = {
    {"ram_store", a_ram_store},       {"ram_load", a_ram_load},
    {"hv_ram", a_hv_ram},             {"flash_store", a_flash_store},
    {"boot_store", a_boot_store},     {"device_load", a_device_load},
    {"device_store", a_device_store}, {"fetch_device", a_fetch_device},
    {"fetch_ram", a_fetch_ram},       {"mfgc0", a_mfgc0},
    {"mtgc0", a_mtgc0},               {"tlbgwi", a_tlbgwi},
    {"rdpgpr", a_rdpgpr},             {"wrpgpr", a_wrpgpr},
    {"undef", a_undef},               {"sdbbp", a_sdbbp},
    {"uhi", a_uhi},                   {"store_bd", a_store_bd},
    {"mfgc0_bd", a_mfgc0_bd},         {"stack_out", a_stack_out},
    {"wait_off", a_wait_off},         {"spin_off", a_spin_off},
    {"wait_on", a_wait_on},           {"console_flood", a_console_flood},
    {"hc_flood", a_hc_flood},         {"hc_bad", a_hc_bad},
    {"hc_bd", a_hc_bd},               {"emu_intc", a_emu_intc},
    {"emu_wi", a_emu_wi},             {"emu_bd", a_emu_bd},
    {"unaligned", a_unaligned},       {"unaligned_emu", a_unaligned_emu},
    {"timer_storm", a_timer_storm},   {"timer_noclear", a_timer_noclear},
    {"ct_storm", a_ct_storm},         {"tlb_ops", a_tlb_ops},
    {"cache_ops", a_cache_ops},       {"cp0_storm", a_cp0_storm},
    {"smc", a_smc},                   {"llsc", a_llsc},
    {"trap", a_trap},                 {"syscall", a_syscall},
    {"break", a_break},               {"overflow", a_overflow},
    {"deret", a_deret},               {"fcsr", a_fcsr},
    {"ds_chain", a_ds_chain},
    {"bus_load", a_bus_load},         {"dma_out", a_dma_out},
};

int main(void)
{
    board_init();
    uint32_t a = *(const volatile uint32_t *)&attack_sel; /* not folded: patched */
    if (a >= ARRAY_SIZE(attacks)) {
        rt_printf("attacker: no attack %lu\n", (unsigned long)a);
        return 1;
    }
    rt_printf("attacker: up %s\n", attacks[a].name);
    bool past = false;
    hs_setjmp(jb); /* the handler resumes here */
    for (;;) {
        attacks[a].fn();
        if (!past) {
            past = true;
            rt_printf("attacker: past\n");
        }
    }
}
