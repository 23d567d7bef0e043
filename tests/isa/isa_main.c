/* C side of the ISA test programs: sets up the test's vectors, runs the
 * assembly body (isa_run) and reports. See isa.h. */
#include "../lib/test.h"
#include <mips/mipsregs.h>

struct isa_chk {
    uint32_t got, expected, line, ret;
};

extern const char isa_name[];
extern char isa_vectors[];
extern uint32_t isa_m5150;
void isa_run(void);
void isa_set_ebase(uint32_t base);
void isa_report(const struct isa_chk *c);

void isa_report(const struct isa_chk *c)
{
    t_failures++;
    t_printf("FAIL %s:%u: got 0x%08x, expected 0x%08x\n", isa_name, (unsigned)c->line,
             (unsigned)c->got, (unsigned)c->expected);
}

int main(void)
{
    uint32_t prid;
    __asm__ volatile("mfc0 %0, $15" : "=r"(prid));
    isa_m5150 = ((prid >> 8) & 0xffff) == 0x01a7;
    isa_set_ebase((uint32_t)(uintptr_t)isa_vectors);
    isa_run();
    isa_set_ebase(0x80000000u);
    return t_done(isa_name);
}
