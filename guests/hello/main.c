/*
 * hello: the smallest useful Wi-FIRE firmware. Prints a banner, what chip
 * and clocks it finds, some integer and 64-bit arithmetic, and exits.
 *
 * Output (tests/guests/expect/hello.txt):
 *   hello from a bare-metal chipKIT Wi-FIRE firmware (tinyVP examples)
 *   device: PIC32MZ2048EFG100 (DEVID 0x?720E053, revision N)
 *   cpu: MIPS M5150 (PRId processor 0xA7), FPU present
 *   clocks: SYSCLK 200 MHz, PBCLK2 100 MHz, PBCLK3 100 MHz
 *   console: UART4 at 115200 baud (BRG 216)
 *   RAM: 32 KB from 0x80000000, stack top 0x80008000
 *   primes below 10000: 1229, their sum 5736396
 *   20! = 2432902008176640000 (0x21c3677c82b40000)
 *   20! / 1000000007 = 2432901991, remainder 146326063
 *   fib(90) = 2880067194370816120
 *   -7 / 2 = -3, -7 % 2 = -1, -7 >> 1 = -4
 *   [exit 0]
 */
#include "rt.h"

static const char *device_name(uint32_t id)
{
    return (id & DEVID_ID) == DEVID_PIC32MZ2048EFG100 ? "PIC32MZ2048EFG100" : "unknown part";
}

/* Sieve of Eratosthenes over [0, N). */
#define N 10000
static uint8_t composite[N];

static void primes(unsigned *count, uint32_t *sum)
{
    *count = 0;
    *sum = 0;
    for (unsigned i = 2; i < N; i++) {
        if (composite[i])
            continue;
        ++*count;
        *sum += i;
        for (unsigned j = i * i; j < N; j += i)
            composite[j] = 1;
    }
}

/* Keep the compiler from folding the arithmetic at build time: the point
 * is that the chip (or the simulator) does it. */
static volatile uint32_t twenty = 20, ninety = 90, p = 1000000007;
static volatile int32_t minus7 = -7;

int main(void)
{
    board_init();
    rt_printf("hello from a bare-metal chipKIT Wi-FIRE firmware (tinyVP examples)\n");

    uint32_t devid = SFR(DEVID);
    rt_printf("device: %s (DEVID 0x%08lX, revision %lu)\n", device_name(devid),
              (unsigned long)devid, (unsigned long)(devid >> DEVID_VER_SHIFT));
    uint32_t prid = read_c0_prid();
    rt_printf("cpu: MIPS %s (PRId processor 0x%02lX), %s\n",
              ((prid >> 8) & 0xFF) == 0xA7 ? "M5150" : "unknown core",
              (unsigned long)((prid >> 8) & 0xFF),
              (read_c0_config1() & MIPS_CONF1_FP) ? "FPU present" : "no FPU");
    rt_printf("clocks: SYSCLK %lu MHz, PBCLK2 %lu MHz, PBCLK3 %lu MHz\n",
              (unsigned long)(board_sysclk_hz() / 1000000), (unsigned long)(board_pbclk_hz(2) / 1000000),
              (unsigned long)(board_pbclk_hz(3) / 1000000));
    rt_printf("console: UART%u at %lu baud (BRG %lu)\n", WIFIRE_CONSOLE_UART,
              (unsigned long)RT_CONSOLE_BAUD, (unsigned long)SFR(UBRG(WIFIRE_CONSOLE_UART)));
    rt_printf("RAM: %lu KB from %p, stack top %p\n",
              (unsigned long)((__ram_end - __ram_start) / 1024), (void *)__ram_start, (void *)__stack_top);

    unsigned count;
    uint32_t sum;
    primes(&count, &sum);
    rt_printf("primes below %u: %u, their sum %lu\n", N, count, (unsigned long)sum);

    uint64_t f = 1;
    for (uint32_t i = 2; i <= twenty; i++)
        f *= i;
    rt_printf("%lu! = %llu (0x%llx)\n", (unsigned long)twenty, (unsigned long long)f, (unsigned long long)f);
    rt_printf("%lu! / %lu = %llu, remainder %llu\n", (unsigned long)twenty, (unsigned long)p,
              (unsigned long long)(f / p), (unsigned long long)(f % p));

    uint64_t a = 0, b = 1;
    for (uint32_t i = 0; i < ninety; i++) {
        uint64_t t = a + b;
        a = b;
        b = t;
    }
    rt_printf("fib(%lu) = %llu\n", (unsigned long)ninety, (unsigned long long)a);
    rt_printf("%ld / 2 = %ld, %ld %% 2 = %ld, %ld >> 1 = %ld\n", (long)minus7, (long)(minus7 / 2),
              (long)minus7, (long)(minus7 % 2), (long)minus7, (long)(minus7 >> 1));
    return 0;
}
