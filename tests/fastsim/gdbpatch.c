/* A debugger rewrites code the fast loop has run: tests/fastsim/run stops
 * this program with ^C (GDB remote protocol) while it calls patchme()
 * over and over, writes "addiu $v0, $zero, 2" over its first instruction
 * (an M packet) and continues; the next call must return 2. */
#include "../lib/test.h"

uint32_t patchme(void);
__asm__(".text\n"
        ".globl patchme\n"
        ".type patchme, @function\n"
        ".set push\n"
        ".set noreorder\n"
        "patchme:\n"
        "    addiu $v0, $zero, 1\n"
        "    jr $ra\n"
        "    nop\n"
        ".set pop\n"
        ".size patchme, . - patchme\n");

void irq_handler(unsigned tag);
void irq_handler(unsigned tag) { (void)tag; } /* the runtime's interrupt hook: unused */

int main(void)
{
    unsigned long long calls = 0;
    uint32_t v;
    while ((v = patchme()) == 1 && calls < 4000000000ull)
        calls++;
    t_printf("patched: %u after %s\n", (unsigned)v, calls > 1000 ? "many calls" : "few calls");
    CHECK_EQ(v, 2);
    return t_done("gdbpatch");
}
