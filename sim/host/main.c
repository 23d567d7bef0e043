/*
 * vpsim command line: loads an image into the simulated PIC32MZ EF and runs
 * it. Exit status: the program's own (UHI exit), 2 for bad input (usage,
 * image), 124 when a run limit ends the run, 125 when the CPU waits with
 * nothing left that could wake it.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mips/mipsregs.h>

#include "../soc/pic32mz/soc.h"
#include "../cpu/fast.h"
#include "loader.h"
#include <tinyvp/image.h>
#include "measure.h"
#include "../board/board.h"
#include "uart_backend.h"
/* traces and debugging (docs/simulator.md "Traces and debugging") */
#include "disasm.h"
#include "gdbstub.h"

/* board options: long only, codes above any character */
enum { OPT_BOARD = 0x200, OPT_LEDS, OPT_PRESS, OPT_BUTTONS, OPT_GUARD, OPT_CHECKSUM,
       OPT_BUS_ERROR, OPT_EXACT, OPT_DUMP_STATE };

#define EXIT_BAD_INPUT 2
#define EXIT_LIMIT     124
#define EXIT_DEADLOCK  125
#define SYSCLK_HZ      200000000ull

/* The version, from the file VERSION (the Makefile passes it). */
#ifndef TINYVP_VERSION
#define TINYVP_VERSION "unknown"
#endif

static const char usage_text[] =
    "Usage: vpsim [OPTION]... IMAGE\n"
    "Simulate a PIC32MZ EF (M5150 core: MIPS32 with the virtualization module) on\n"
    "a board, running IMAGE: an ELF or Intel HEX file of MIPS32 code (a microMIPS\n"
    "image is refused). Time is simulated time only: every run is reproducible.\n"
    "\n"
    "Exit status: the program's own exit code (UHI exit); 2 for bad input (options,\n"
    "image); 124 when --cycles or --time ends the run; 125 when the CPU waits (WAIT)\n"
    "with nothing left that could wake it.\n"
    "\n"
    "Options:\n"
    "Run:\n"
    "  -c, --cycles=N         stop after N simulated cycles (200 MHz)\n"
    "      --time=T           stop after simulated time T (e.g. 10ms, 2s, 500us)\n"
    "      --until=PATTERN    stop with status 0 once the console (stdio UART)\n"
    "                         output contains PATTERN (escapes as in --input)\n"
    "      --load=FILE        also load FILE (ELF/HEX) into memory; IMAGE gives the\n"
    "                         entry\n"
    "      --prid=X           processor revision register value (default\n"
    "                         0x0001A700)\n"
    "  -s, --stats            print statistics on stderr at the end\n"
    "\n"
    /* UART backends (uart_backend.h, docs/simulator.md "UART backends") */
    "Console and UARTs:\n"
    "      --uart=N=SPEC      where UART N (1-6) goes: none, stdio, file:PATH, or\n"
    "                         tcp:PORT (server on 127.0.0.1, waits for a client;\n"
    "                         PORT 0 picks one and prints it). Default: UART4 on\n"
    "                         stdio (the Wi-FIRE console; stdin is its input)\n"
    "      --input=N=SCRIPT   types into UART N: lines 'at TIME: TEXT' (TIME like\n"
    "                         1ms, 20us, 5000cyc; TEXT with \\n \\r \\t \\xHH\n"
    "                         escapes), or @FILE holding such lines; may be\n"
    "                         repeated\n"
    "\n"
    /* Board (sim/board/board.h) */
    "Board:\n"
    "      --board=NAME       the board around the chip (default wifire)\n"
    "      --leds[=FILE]      print LED changes, '[t=1.234567ms] LED LD1 on': on\n"
    "                         stdout, each on a line of its own, never inside a\n"
    "                         console line; or into FILE\n"
    "      --press=B@T[:D]    press button B (BTN1, BTN2) at simulated time T for\n"
    "                         D (default 50ms), e.g. BTN1@10ms:5ms; may be repeated\n"
    "      --buttons=FILE     presses from FILE, one B@T[:D] per line, # comments\n"
    "\n"
    /* measurements (measure.h) */
    "Measurements:\n"
    "      --measure=NAME=FROM..TO  cycles and instructions from each FROM event to\n"
    "                         the next TO; events: pc:ADDR|SYM[+OFF], exc[:CODE],\n"
    "                         guest-entry[:ID], guest-exit[:CODE], irq:V,\n"
    "                         guest-irq, root-wait; min/median/max printed at the end\n"
    "      --measure-json=FILE  also write the measurements as JSON\n"
    "      --events=FILE      log guest entries/exits, exceptions and interrupts\n"
    "                         (cycle insns kind arg; a GE exit adds its GExcCode)\n"
    "      --timeline=FILE    the same as a timeline (Chrome trace JSON: Perfetto,\n"
    "                         chrome://tracing), one track per guest\n"
    "      --guard=PA:LEN[:ID]  count guest-mode stores (of GuestID ID, or of\n"
    "                         any guest) that reach physical PA..PA+LEN-1;\n"
    "                         reported at the end; may be repeated (8)\n"
    "      --checksum=PA:LEN  print a checksum of physical PA..PA+LEN-1 as\n"
    "                         loaded and at the end; may be repeated (8)\n"
    "      --bus-error=PA:LEN  test aid: every access to the SFRs at physical\n"
    "                         PA..PA+LEN-1 (256-byte granules) is a bus error, as\n"
    "                         a peripheral that does not answer on a real board;\n"
    "                         may be repeated (8)\n"
    "\n"
    /* traces and debugging (disasm.h, gdbstub.h) */
    "Traces and debugging:\n"
    "  -t, --trace=FILE       write an instruction trace to FILE ('-' = stderr):\n"
    "                         per instruction 'CYCLE PC: WORD G MNEMONIC OPERANDS\n"
    "                         (ds)' (G = guest mode, (ds) = delay slot), and a\n"
    "                         line 'exception NAME at EPC \u2192 VECTOR' per exception\n"
    "      --gdb=PORT         wait for GDB on 127.0.0.1:PORT before the first\n"
    "                         instruction (PORT 0 picks one and prints it); e.g.\n"
    "                         gdb-multiarch -ex 'target remote :PORT' IMAGE.elf\n"
    "      --exact            run every instruction through the exact interpreter\n"
    "                         (no decoded blocks; same results, slower)\n"
    "      --dump-state=FILE  at the end, write the architectural state (registers,\n"
    "                         CP0, TLBs, FPU, a RAM checksum) to FILE ('-' = stderr)\n"
    "\n"
    "Other:\n"
    "  -h, --help             print this help and exit\n"
    "  -V, --version          print the version and exit\n"
    "\n"
    "Examples:\n"
    "  $ vpsim --leds build/wifire-3guests/tinyvp.hex\n"
    "  $ vpsim --stats --time 10ms --trace trace.txt test.elf\n"
    "\n"
    "Documentation: docs/simulator.md in the tinyVP sources.\n";

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "vpsim: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'vpsim --help'.\n");
    exit(EXIT_BAD_INPUT);
}

static uint64_t parse_u64(const char *s, const char *what)
{
    char *end;
    errno = 0;
    if (!*s || *s == '-')
        usage_error("bad number for %s", what);
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end)
        usage_error("bad number for %s", what);
    return v;
}

/* "10ms" → cycles at 200 MHz. */
static uint64_t parse_time(const char *s)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || v < 0)
        usage_error("bad time '%s' (use e.g. 10ms, 2s, 500us, 100ns)", s);
    double scale;
    if (!strcmp(end, "s"))
        scale = 1;
    else if (!strcmp(end, "ms"))
        scale = 1e-3;
    else if (!strcmp(end, "us"))
        scale = 1e-6;
    else if (!strcmp(end, "ns"))
        scale = 1e-9;
    else
        usage_error("bad time unit in '%s' (s, ms, us or ns)", s);
    double cyc = v * scale * (double)SYSCLK_HZ;
    if (cyc > 1.8e19)
        usage_error("time '%s' too large", s);
    return (uint64_t)cyc;
}

/* --leds=FILE */
static void led_to_file(void *ctx, const char *line)
{
    fputs(line, ctx);
    fflush(ctx);
}

/* --leds: stdout, shared with the console (uart_backend.h) */
static void led_to_console(void *ctx, const char *line)
{
    uart_backends_side_line(ctx, line);
}

/* UHI writes to fd 1 are console output too: they go through the same
 * stdout as the stdio UARTs, so a side line never splits them either. */
static struct uart_backends *uhi_console;

static void uhi_write_hook(void *ctx, int fd, const void *buf, unsigned len)
{
    if (fd == 1) {
        uart_backends_console_write(uhi_console, buf, len);
    } else {
        fwrite(buf, 1, len, stderr);
        fflush(stderr);
    }
}

static FILE *trace_file;

/* --until: the console output contained the pattern; stop after the
 * current instruction (the run then exits with status 0). */
static void until_stop(void *ctx)
{
    struct soc *s = ctx;
    s->cpu.stop = CPU_STOP_BREAK;
    s->cpu.deadline = 0;
}

static const char *const exc_names[32] = {
    "Int", "Mod", "TLBL", "TLBS", "AdEL", "AdES", "IBE", "DBE", "Sys", "Bp", "RI",
    "CpU", "Ov", "Tr", "MSAFPE", "FPE", "16", "17", "18", "TLBRI", "TLBXI", "MSADis",
    "MDMX", "WATCH", "MCheck", "Thread", "DSPDis", "GE", "28", "29", "CacheErr", "31",
};

/* --trace (docs/simulator.md "Traces and debugging"): a line per
 * instruction about to execute, "CYCLE PC: WORD G MNEMONIC OPERANDS (ds)"
 * (G in guest mode), and a line per exception entry. Root exceptions come
 * from hooks.exception; guest exceptions have no hook, the trace notices
 * them by the guest exception counters at the handler's first instruction. */
static bool trace_last_gm;
static uint64_t trace_gexc;

static void trace_hook(void *ctx, struct cpu *c, uint32_t pc, uint32_t insn)
{
    uint64_t gexc = 0;
    for (unsigned i = 0; i < 32; i++)
        gexc += c->stats.guest_exc[i];
    if (gexc != trace_gexc) {
        trace_gexc = gexc;
        fprintf(trace_file, "%12" PRIu64 " exception guest %s at %08" PRIx32 " \u2192 %08" PRIx32 "\n",
                c->cycles, exc_names[(c->gcp0.cause & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE],
                c->gcp0.epc, pc);
    }
    char text[96];
    if (pc & 1) /* microMIPS: a 16-bit word is shown as 4 digits */
        disasm_mm(pc, insn, c->cur_isz, text, sizeof text);
    else
        disasm(pc, insn, text, sizeof text);
    char *ops = strchr(text, '\t');
    if (ops)
        *ops++ = 0;
    fprintf(trace_file, "%12" PRIu64 " %08" PRIx32 ": %0*" PRIx32 "%s %c %-*s%s%s\n", c->cycles, pc,
            (pc & 1) && c->cur_isz == 2 ? 4 : 8, insn, (pc & 1) && c->cur_isz == 2 ? "    " : "", c->gm ? 'G' : ' ', ops ? 8 : 0, text, ops ? ops : "", c->cur_ds ? " (ds)" : "");
    trace_last_gm = c->gm;
}

static void trace_exc_hook(void *ctx, struct cpu *c, unsigned code, uint32_t epc)
{
    static const char *const gexc[32] = {
        [GEXC_GPSI] = "GPSI", [GEXC_GSFC] = "GSFC", [GEXC_HC] = "HC", [GEXC_GRR] = "GRR",
        [GEXC_GVA] = "GVA",   [GEXC_GHFC] = "GHFC", [GEXC_GPA] = "GPA",
    };
    char name[24];
    unsigned gx = (c->cp0.guestctl0 & GUESTCTL0_GEXC) >> GUESTCTL0_GEXC_SHIFT;
    if (code == CPU_EXC_DEBUG)
        snprintf(name, sizeof name, "debug (Debug Mode)");
    else if (code == EXCCODE_GE)
        snprintf(name, sizeof name, "GE/%s", gexc[gx & 31] ? gexc[gx & 31] : "?");
    else
        snprintf(name, sizeof name, "%s", exc_names[code & 31]);
    fprintf(trace_file, "%12" PRIu64 " exception %s%s at %08" PRIx32 " \u2192 %08" PRIx32 "\n",
            c->cycles, name, trace_last_gm || c->exc_gm ? " (from guest)" : "", epc, c->pc);
    trace_last_gm = false;
}

static void print_stats(const struct cpu *c)
{
    fprintf(stderr, "vpsim: %" PRIu64 " instructions, %" PRIu64 " cycles (%.6f s simulated)\n",
            c->insns, c->cycles, (double)c->cycles / (double)SYSCLK_HZ);
    if (c->insns)
        fprintf(stderr, "vpsim: CPI %.3f\n", (double)c->cycles / (double)c->insns);
    for (unsigned i = 0; i < 32; i++)
        if (c->stats.exc[i])
            fprintf(stderr, "vpsim: exceptions %-8s %" PRIu64 "\n", exc_names[i], c->stats.exc[i]);
    if (c->stats.tlb_refill)
        fprintf(stderr, "vpsim: of which TLB refills %" PRIu64 "\n", c->stats.tlb_refill);
    /* VZ: the guest/root split and the guest exits by kind */
    static const char *const gexc_names[32] = {
        [GEXC_GPSI] = "GPSI", [GEXC_GSFC] = "GSFC", [GEXC_HC] = "HC", [GEXC_GRR] = "GRR",
        [GEXC_GVA] = "GVA",   [GEXC_GHFC] = "GHFC", [GEXC_GPA] = "GPA",
    };
    if (c->stats.guest_insns)
        fprintf(stderr, "vpsim: guest instructions %" PRIu64 " (%.1f %%), root %" PRIu64 "\n",
                c->stats.guest_insns, 100.0 * (double)c->stats.guest_insns / (double)c->insns,
                c->insns - c->stats.guest_insns);
    for (unsigned i = 0; i < 32; i++)
        if (c->stats.guest_exits[i])
            fprintf(stderr, "vpsim: guest exits %-6s %" PRIu64 "\n",
                    gexc_names[i] ? gexc_names[i] : "?", c->stats.guest_exits[i]);
    for (unsigned i = 0; i < 32; i++)
        if (c->stats.guest_exc[i])
            fprintf(stderr, "vpsim: guest exceptions %-8s %" PRIu64 "\n", exc_names[i],
                    c->stats.guest_exc[i]);
    if (c->stats.debug_exc[0] || c->stats.debug_exc[1])
        fprintf(stderr, "vpsim: debug exceptions %" PRIu64 " (from guest mode %" PRIu64 ")\n",
                c->stats.debug_exc[0] + c->stats.debug_exc[1], c->stats.debug_exc[1]);
    if (c->stats.guest_interrupts)
        fprintf(stderr, "vpsim: guest interrupts taken %" PRIu64 "\n", c->stats.guest_interrupts);
}

/* --guard PA:LEN[:ID] and --checksum PA:LEN: ranges of physical memory
 * (numbers as strtoul base 0 reads them). */
struct mem_range {
    uint32_t pa, len;
    int gid; /* --guard: the GuestID it applies to, -1 = every guest */
    uint32_t sum_load;
};

static void parse_range(const char *s, const char *what, bool allow_id, struct mem_range *r)
{
    char *end;
    errno = 0;
    unsigned long pa = strtoul(s, &end, 0);
    if (errno || end == s || *end != ':' || pa > 0xFFFFFFFFul)
        usage_error("bad range for %s (PA:LEN)", what);
    const char *l = end + 1;
    unsigned long len = strtoul(l, &end, 0);
    if (errno || end == l || !len || len > 0x100000000ul - pa)
        usage_error("bad range for %s (PA:LEN)", what);
    r->gid = -1;
    if (allow_id && *end == ':') {
        const char *g = end + 1;
        unsigned long id = strtoul(g, &end, 0);
        if (errno || end == g || id > 255)
            usage_error("bad GuestID for %s", what);
        r->gid = (int)id;
    }
    if (*end)
        usage_error("bad range for %s", what);
    r->pa = (uint32_t)pa;
    r->len = (uint32_t)len;
}

/* FNV-1a over the bytes of a memory range, through the bus as the loader
 * sees it (unmapped bytes count as 0xFF). */
static uint32_t range_sum(struct soc *s, const struct mem_range *r)
{
    uint32_t h = 2166136261u;
    uint8_t buf[4096];
    for (uint32_t off = 0; off < r->len;) {
        uint32_t n = r->len - off < sizeof buf ? r->len - off : (uint32_t)sizeof buf;
        if (!bus_read_debug(&s->bus, r->pa + off, buf, n))
            for (uint32_t i = 0; i < n; i++) /* a range across regions: byte by byte */
                if (!bus_read_debug(&s->bus, r->pa + off + i, &buf[i], 1))
                    buf[i] = 0xFF;
        for (uint32_t i = 0; i < n; i++)
            h = (h ^ buf[i]) * 16777619u;
        off += n;
    }
    return h;
}

/* --dump-state: the architectural state at the end of the run, one
 * "name value" per line, so the exact and the fast loop can be compared. */
static bool write_state(struct soc *s, const char *path)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "w") : stderr;
    if (!f) {
        fprintf(stderr, "vpsim: cannot open %s: %s\n", path, strerror(errno));
        return false;
    }
    const struct cpu *c = &s->cpu;
    fprintf(f, "pc %08" PRIx32 " in_ds %d ds_target %08" PRIx32 "\n", c->pc, c->in_ds,
            c->in_ds ? c->ds_target : 0);
    fprintf(f, "insns %" PRIu64 " cycles %" PRIu64 " guest_insns %" PRIu64 "\n", c->insns,
            c->cycles, c->stats.guest_insns);
    fprintf(f, "hi %08" PRIx32 " lo %08" PRIx32 " hilo_ready %" PRIu64 " load_dest %u\n", c->hi,
            c->lo, c->hilo_ready, c->load_dest);
    fprintf(f, "llbit %d gllbit %d gm %d\n", c->llbit, c->gllbit, c->gm);
    for (unsigned set = 0; set < CPU_NSETS; set++) {
        fprintf(f, "gpr%u", set);
        for (unsigned i = 0; i < 32; i++)
            fprintf(f, " %08" PRIx32, c->sets[set][i]);
        fputc('\n', f);
    }
    for (unsigned g = 0; g < 2; g++) { /* root and guest CP0, word by word */
        const uint32_t *w = (const uint32_t *)(g ? &c->gcp0 : &c->cp0);
        fprintf(f, "%s", g ? "gcp0" : "cp0");
        for (size_t i = 0; i < sizeof c->cp0 / 4; i++)
            fprintf(f, " %08" PRIx32, w[i]);
        fputc('\n', f);
    }
    for (unsigned g = 0; g < 2; g++)
        for (unsigned i = 0; i < CPU_NTLB; i++) {
            const struct tlb_entry *e = g ? &c->gtlb[i] : &c->tlb[i];
            fprintf(f, "%s%u %08" PRIx32 " %08" PRIx32 " %08" PRIx32 " %08" PRIx32 " %u\n",
                    g ? "gtlb" : "tlb", i, e->mask, e->hi, e->lo[0], e->lo[1], e->guestid);
        }
    fprintf(f, "fcsr %08" PRIx32 "\nfpr", c->fpu.fcsr);
    for (unsigned i = 0; i < 32; i++)
        fprintf(f, " %016" PRIx64, c->fpu.fpr[i]);
    fputc('\n', f);
    struct mem_range ram = {.pa = PIC32MZ_RAM_BASE, .len = PIC32MZ_RAM_SIZE};
    fprintf(f, "ram %08" PRIx32 "\n", range_sum(s, &ram));
    uint64_t fi, fb, fm;
    fast_stats(c, &fi, &fb, &fm);
    fprintf(f, "fast %" PRIu64 " instructions in %" PRIu64 " decoded blocks (%" PRIu64 " microMIPS)\n",
            fi, fb, fm);
    if (f != stderr)
        fclose(f);
    return true;
}

/* The chip and the board on it (board_create gave soc.board). */
static void sim_free(struct soc *s)
{
    board_free(s->board);
    soc_free(s);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"cycles", required_argument, NULL, 'c'}, {"time", required_argument, NULL, 'T'},
        {"stats", no_argument, NULL, 's'},        {"trace", required_argument, NULL, 't'},
        {"prid", required_argument, NULL, 'P'},   {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"load", required_argument, NULL, 'L'},
        {"gdb", required_argument, NULL, 0x300}, /* gdbstub.h */
        /* measurements (measure.h) */
        {"measure", required_argument, NULL, 1001},
        {"events", required_argument, NULL, 1002},
        {"measure-json", required_argument, NULL, 1003},
        {"timeline", required_argument, NULL, 1004},
        /* UART backends */
        {"uart", required_argument, NULL, 'U'},
        {"input", required_argument, NULL, 'I'},
        {"until", required_argument, NULL, 'W'},
        /* board */
        {"board", required_argument, NULL, OPT_BOARD},
        {"leds", optional_argument, NULL, OPT_LEDS},
        {"press", required_argument, NULL, OPT_PRESS},
        {"buttons", required_argument, NULL, OPT_BUTTONS},
        /* isolation checks */
        {"guard", required_argument, NULL, OPT_GUARD},
        {"checksum", required_argument, NULL, OPT_CHECKSUM},
        {"bus-error", required_argument, NULL, OPT_BUS_ERROR},
        /* execution */
        {"exact", no_argument, NULL, OPT_EXACT},
        {"dump-state", required_argument, NULL, OPT_DUMP_STATE},
        {NULL, 0, NULL, 0},
    };
    uint64_t limit = UINT64_MAX;
    bool stats = false, exact = false;
    const char *trace = NULL, *dump_state = NULL;
    struct soc_options opt = {0};
    const char *extra[8]; /* --load: more images into the same memory */
    unsigned nextra = 0;
    /* UART backends */
    static struct uart_backends ub;
    char uerr[512];
    const char *until = NULL;
    uart_backends_init(&ub);
    uint64_t gdb_port = UINT64_MAX; /* --gdb: none */
    /* board */
    const char *board_name = "wifire";
    bool print_leds = false;
    const char *leds_path = NULL; /* --leds=FILE: not on stdout */
    const char *press[64], *button_files[8];
    unsigned npress = 0, nbutton_files = 0;
    struct mem_range guards[CPU_MAX_GUARDS], sums[8];
    unsigned nguards = 0, nsums = 0;
    struct mem_range buserrs[8];
    unsigned nbuserrs = 0;
    int ch;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "c:st:hV", longopts, NULL)) != -1) {
        switch (ch) {
        case 'c': limit = parse_u64(optarg, "--cycles"); break;
        case 'T': limit = parse_time(optarg); break;
        case 's': stats = true; break;
        case OPT_EXACT: exact = true; break;
        case OPT_DUMP_STATE: dump_state = optarg; break;
        case 't': trace = optarg; break;
        case 'P': opt.prid = (uint32_t)parse_u64(optarg, "--prid"); break;
        case 'h': fputs(usage_text, stdout); return 0;
        case 'V': printf("vpsim %s\n", TINYVP_VERSION); return 0;
        /* measurements */
        case 1001:
        case 1002:
        case 1003:
        case 1004: {
            char merr[256];
            bool ok = ch == 1001   ? measure_add(optarg, merr, sizeof merr)
                      : ch == 1002 ? measure_events_file(optarg, merr, sizeof merr)
                      : ch == 1003 ? measure_json_file(optarg, merr, sizeof merr)
                                   : measure_timeline_file(optarg, merr, sizeof merr);
            if (!ok)
                usage_error("%s", merr);
            break;
        }
        case 'L':
            if (nextra == sizeof extra / sizeof extra[0])
                usage_error("%s", "too many --load images (at most 8)");
            extra[nextra++] = optarg;
            break;
        /* UART backends */
        case 'U':
            if (!uart_backends_parse(&ub, optarg, uerr, sizeof uerr))
                usage_error("%s", uerr);
            break;
        case 'I':
            if (!uart_backends_add_input(&ub, optarg, uerr, sizeof uerr))
                usage_error("%s", uerr);
            break;
        case 'W': until = optarg; break;
        case 0x300: /* --gdb PORT */
            gdb_port = parse_u64(optarg, "--gdb");
            if (gdb_port > 65535)
                usage_error("%s", "--gdb: port out of range (0-65535)");
            break;
        /* board */
        case OPT_BOARD: board_name = optarg; break;
        case OPT_LEDS:
            print_leds = true;
            leds_path = optarg;
            break;
        case OPT_PRESS:
            if (npress == sizeof press / sizeof press[0])
                usage_error("%s", "too many --press options (at most 64; use --buttons FILE)");
            press[npress++] = optarg;
            break;
        case OPT_BUTTONS:
            if (nbutton_files == sizeof button_files / sizeof button_files[0])
                usage_error("%s", "too many --buttons files (at most 8)");
            button_files[nbutton_files++] = optarg;
            break;
        case OPT_GUARD:
            if (nguards == CPU_MAX_GUARDS)
                usage_error("%s", "too many --guard ranges (at most 8)");
            parse_range(optarg, "--guard", true, &guards[nguards++]);
            break;
        case OPT_CHECKSUM:
            if (nsums == sizeof sums / sizeof sums[0])
                usage_error("%s", "too many --checksum ranges (at most 8)");
            parse_range(optarg, "--checksum", false, &sums[nsums++]);
            break;
        case OPT_BUS_ERROR:
            if (nbuserrs == sizeof buserrs / sizeof buserrs[0])
                usage_error("%s", "too many --bus-error ranges (at most 8)");
            parse_range(optarg, "--bus-error", false, &buserrs[nbuserrs++]);
            break;
        case '?':
            if (optopt)
                fprintf(stderr, "vpsim: option -%c needs an argument or is unknown\n", optopt);
            else
                fprintf(stderr, "vpsim: unknown option '%s'\n", argv[optind - 1]);
            fprintf(stderr, "Try 'vpsim --help'.\n");
            return EXIT_BAD_INPUT;
        default: return EXIT_BAD_INPUT;
        }
    }
    if (optind != argc - 1)
        usage_error("%s", optind >= argc ? "no IMAGE given" : "more than one IMAGE given");
    const char *image = argv[optind];

    static struct soc soc;
    if (!soc_init(&soc, &opt))
        return EXIT_BAD_INPUT;
    /* board: before the image is loaded and the chip powered on */
    {
        char berr[512];
        struct board *bd = board_create(&soc, board_name, berr, sizeof berr);
        bool ok = bd != NULL;
        for (unsigned i = 0; ok && i < npress; i++)
            ok = board_press(bd, press[i], berr, sizeof berr);
        for (unsigned i = 0; ok && i < nbutton_files; i++)
            ok = board_script(bd, button_files[i], berr, sizeof berr);
        if (!ok) {
            fprintf(stderr, "vpsim: %s\n", berr);
            sim_free(&soc);
            return EXIT_BAD_INPUT;
        }
        if (print_leds) {
            static FILE *leds_file;
            leds_file = leds_path ? fopen(leds_path, "w") : NULL;
            if (leds_path && !leds_file) {
                fprintf(stderr, "vpsim: cannot open LED file %s: %s\n", leds_path,
                        strerror(errno));
                sim_free(&soc);
                return EXIT_BAD_INPUT;
            }
            if (leds_file)
                board_print_leds(bd, led_to_file, leds_file);
            else /* on stdout, beside the console: never inside one of its lines */
                board_print_leds(bd, led_to_console, &ub);
        }
    }
    struct load_sink sink = {.ctx = &soc, .write = soc_load_write};
    struct load_info info;
    char err[512];
    if (load_image(image, &sink, &info, err, sizeof err) != 0) {
        fprintf(stderr, "vpsim: %s\n", err);
        sim_free(&soc);
        return EXIT_BAD_INPUT;
    }
    for (unsigned i = 0; i < nextra; i++) {
        struct load_info xinfo;
        if (load_image(extra[i], &sink, &xinfo, err, sizeof err) != 0) {
            fprintf(stderr, "vpsim: %s\n", err);
            sim_free(&soc);
            return EXIT_BAD_INPUT;
        }
        /* only IMAGE decides where the chip starts */
    }
    struct cpu *c = &soc.cpu;
    uhi_console = &ub;
    c->hooks.uhi_write = uhi_write_hook;
    if (!info.fills_reset_vector) {
        if (!info.has_entry) {
            fprintf(stderr, "vpsim: %s: nothing at the reset vector and no entry point\n", image);
            sim_free(&soc);
            return EXIT_BAD_INPUT;
        }
        /* As QEMU's -kernel: start at the entry point, in kernel mode with
         * the reset state of CP0 — after every chip reset too. */
        soc.boot_entry = info.entry;
    }
    soc_reset(&soc); /* power-on with the image in flash (DEVCFG words) */
    /* UART backends: open files and sockets, connect the UARTs' lines. */
    if (soc.board)
        uart_backends_set_console(&ub, board_def_of(soc.board)->console_uart);
    if ((until && !uart_backends_set_until(&ub, until, until_stop, &soc, uerr, sizeof uerr)) ||
        !uart_backends_open(&ub, uerr, sizeof uerr)) {
        fprintf(stderr, "vpsim: %s\n", uerr);
        uart_backends_close(&ub);
        sim_free(&soc);
        return EXIT_BAD_INPUT;
    }
    for (unsigned n = 1; n <= UART_COUNT; n++) {
        struct uart_line line;
        uart_backends_line(&ub, n, &line);
        uart_set_line(&soc, n, &line);
    }
    if (trace) {
        trace_file = strcmp(trace, "-") ? fopen(trace, "w") : stderr;
        if (!trace_file) {
            fprintf(stderr, "vpsim: cannot open trace file %s: %s\n", trace, strerror(errno));
            sim_free(&soc);
            return EXIT_BAD_INPUT;
        }
        c->hooks.trace = trace_hook;
        c->hooks.exception = trace_exc_hook;
    }
    /* measurements: after --trace installed its hook */
    {
        const char *images[9] = {image};
        char merr[256];
        for (unsigned i = 0; i < nextra; i++)
            images[i + 1] = extra[i];
        if (!measure_start(&soc, images, nextra + 1, merr, sizeof merr)) {
            fprintf(stderr, "vpsim: %s\n", merr);
            sim_free(&soc);
            return EXIT_BAD_INPUT;
        }
    }
    /* isolation checks: guarded ranges, checksums of the loaded memory */
    for (unsigned i = 0; i < nguards; i++)
        c->guard[i] = (struct cpu_guard){.lo = guards[i].pa,
                                         .hi = guards[i].pa + (guards[i].len - 1),
                                         .gid = guards[i].gid};
    c->nguards = nguards;
    for (unsigned i = 0; i < nbuserrs; i++)
        sfr_bus_error(soc.sfr, buserrs[i].pa, buserrs[i].len);
    cpu_bus_changed(c); /* no guarded page stays in a fast map */
    for (unsigned i = 0; i < nsums; i++)
        sums[i].sum_load = range_sum(&soc, &sums[i]);
    cpu_set_limit(c, limit);
    c->exact = exact;
    if (gdb_port != UINT64_MAX) { /* --gdb: the debugger drives the run */
        char gerr[256];
        if (!gdbstub_run(&soc, (unsigned)gdb_port, gerr, sizeof gerr)) {
            fprintf(stderr, "vpsim: %s\n", gerr);
            sim_free(&soc);
            return EXIT_BAD_INPUT;
        }
    } else {
        soc_run(&soc);
    }

    int status;
    if (ub.until_hit) { /* --until: the console showed the pattern */
        c->stop = CPU_STOP_EXIT;
        c->exit_code = 0;
    }
    switch (c->stop) {
    case CPU_STOP_EXIT: status = c->exit_code & 0xFF; break;
    case CPU_STOP_LIMIT:
        fprintf(stderr, "vpsim: run limit reached at cycle %" PRIu64 " (pc 0x%08" PRIx32 ")\n",
                c->cycles, c->pc);
        status = EXIT_LIMIT;
        break;
    case CPU_STOP_DEADLOCK:
        fprintf(stderr,
                "vpsim: WAIT at pc 0x%08" PRIx32 " with no interrupt source that could wake it "
                "(cycle %" PRIu64 ")\n",
                c->pc, c->cycles);
        status = EXIT_DEADLOCK;
        break;
    default: status = EXIT_LIMIT; break;
    }
    if (stats) {
        /* the image's ISA, for microMIPS images only (MIPS32 output unchanged) */
        if (info.isa != IMAGE_ISA_MIPS32)
            fprintf(stderr, "vpsim: image ISA %s (%s)\n",
                    info.isa == IMAGE_ISA_MIXED ? "microMIPS and MIPS32 (mixed)" : "microMIPS", info.isa_why);
        print_stats(c);
    }
    for (unsigned i = 0; i < c->nguards; i++) {
        const struct cpu_guard *g = &c->guard[i];
        char who[24] = "guest";
        if (g->gid >= 0)
            snprintf(who, sizeof who, "guest %d", g->gid);
        if (!g->hits)
            fprintf(stderr, "vpsim: guard 0x%08" PRIx32 "..0x%08" PRIx32 " (%s): no store\n",
                    g->lo, g->hi, who);
        else
            fprintf(stderr,
                    "vpsim: guard 0x%08" PRIx32 "..0x%08" PRIx32 " (%s): %" PRIu64
                    " stores, the first at cycle %" PRIu64 " by guest %u, pc 0x%08" PRIx32
                    ", physical 0x%08" PRIx32 "\n",
                    g->lo, g->hi, who, g->hits, g->first_cycle, g->first_gid, g->first_pc,
                    g->first_pa);
    }
    for (unsigned i = 0; i < nsums; i++) {
        uint32_t end = range_sum(&soc, &sums[i]);
        fprintf(stderr, "vpsim: checksum 0x%08" PRIx32 "..0x%08" PRIx32 ": load %08" PRIx32
                ", end %08" PRIx32 "%s\n", sums[i].pa, sums[i].pa + (sums[i].len - 1),
                sums[i].sum_load, end, end == sums[i].sum_load ? "" : " (changed)");
    }
    if (dump_state && !write_state(&soc, dump_state))
        status = EXIT_BAD_INPUT;
    measure_report();
    measure_free();
    if (trace_file && trace_file != stderr)
        fclose(trace_file);
    sim_free(&soc);
    uart_backends_close(&ub);
    return status;
}
