/*
 * Load/store forms both delay-slot tests (dslot.c, dslotmm.c) run the same
 * way: LWL/LWR, SWL/SWR, LL/SC and the FPU's SWC1/LWC1, LDC1/SDC1,
 * SWXC1/LWXC1 on OFF000/OFF001, which trap under tinyVP. The includer defines OFF0, OFF1 and report(); the compiler
 * picks the encodings (MIPS32 or microMIPS, as the file is built).
 */
/* OFF000/OFF001 hold 0x00012344, 0x00022222 on entry */
static void lr_ll_forms(void)
{
    uint32_t v;
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "move %0, $zero\n\tlwl %0, 5(%1)\n\tlwr %0, 2(%1)\n\t.set pop"
                     : "=&r"(v) : "r"(OFF0) : "memory");
    report("lwl/lwr", v, 0);
    __asm__ volatile("swl %0, 5(%1)\n\tswr %0, 2(%1)" : : "r"(0x0001fffeu), "r"(OFF0) : "memory");
    report("swl/swr", SFR(OFF0), SFR(OFF1));
    /* LL from a device is a load; an SC to one traps only while the
     * guest's LL bit is set (by an LL of its own RAM here) */
    static volatile uint32_t ram;
    uint32_t ok, t;
    __asm__ volatile("ll %0, 0(%1)" : "=&r"(v) : "r"(OFF0) : "memory");
    report("ll", v, 0);
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "ll %1, 0(%3)\n\tli %0, 0x2468\n\tsc %0, 0(%2)\n\t.set pop"
                     : "=&r"(ok), "=&r"(t) : "r"(OFF0), "r"(&ram) : "memory");
    report("sc", ok, SFR(OFF0));
}

static void fpu_forms(void)
{
    uint32_t fbits = 0x0002468au;
    float f;
    double d;
    __builtin_memcpy(&f, &fbits, 4);
    __asm__ volatile("swc1 %1, 0(%0)" : : "r"(OFF0), "f"(f) : "memory");
    __asm__ volatile("lwc1 %0, 0(%1)" : "=f"(f) : "r"(OFF1 - 4) : "memory");
    __builtin_memcpy(&fbits, &f, 4);
    report("swc1/lwc1", SFR(OFF0), fbits);
    SFR(OFF0) = 0x13570;
    SFR(OFF1) = 0x24680;
    __asm__ volatile("ldc1 %0, 0(%1)" : "=f"(d) : "r"(OFF0) : "memory");
    uint64_t dbits;
    __builtin_memcpy(&dbits, &d, 8);
    report("ldc1", (uint32_t)dbits, (uint32_t)(dbits >> 32));
    dbits = 0x0000111200003334ull;
    __builtin_memcpy(&d, &dbits, 8);
    __asm__ volatile("sdc1 %0, 0(%1)" : : "f"(d), "r"(OFF0) : "memory");
    report("sdc1", SFR(OFF0), SFR(OFF1));
    __asm__ volatile("swxc1 %0, %1(%2)" : : "f"(f), "r"(4), "r"(OFF0) : "memory");
    __asm__ volatile("lwxc1 %0, %1(%2)" : "=f"(f) : "r"(4), "r"(OFF0) : "memory");
    __builtin_memcpy(&fbits, &f, 4);
    report("swxc1/lwxc1", SFR(OFF1), fbits);
}
