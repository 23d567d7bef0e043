/*
 * tests/debug: the program the GDB stub tests drive. Its state is known
 * at every stop at dbg_point(a, b): call n (1..5) has a = n, b = 0x100,
 * dbg_counter = 1 + 2 + ... + (n - 1). It prints "sum 0x..." (0x52d when
 * nobody changed anything) and spins while dbg_spin is set (the ^C test
 * sets it through the debugger). One SYSCALL (at dbg_sys), skipped by its
 * handler, gives the trace an exception line.
 */
#include "../lib/test.h"

void dbg_skip(void);
__asm__(".text\n.set push\n.set noreorder\n.set noat\n.globl dbg_skip\n"
        "dbg_skip:\n mfc0 $k0,$14\n addiu $k0,$k0,4\n mtc0 $k0,$14\n ehb\n eret\n nop\n"
        ".set pop\n");

volatile uint32_t dbg_counter;
volatile uint32_t dbg_spin;
uint32_t dbg_table[4] = {0x11111111, 0x22222222, 0x33333333, 0x44444444};

__attribute__((noinline)) uint32_t dbg_point(uint32_t a, uint32_t b)
{
    dbg_counter += a;
    return a * 3 + b;
}

int main(void)
{
    uint32_t s = 0;
    exc_hook = (void *)dbg_skip;
    __asm__ volatile(".globl dbg_sys\ndbg_sys: syscall");
    exc_hook = 0;
    for (uint32_t i = 1; i <= 5; i++)
        s += dbg_point(i, 0x100);
    while (dbg_spin)
        ;
    t_printf("sum 0x%x table1 0x%x\n", (unsigned)s, (unsigned)dbg_table[1]);
    return 0;
}
