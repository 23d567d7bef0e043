/* UART receive from scripted input: URXDA, arrival time (a character ends
 * one frame after it starts on the line: 10 bits of 16 (BRG+1) PBCLK2
 * ticks, PBCLK2 = Count rate), URXISEL levels, the RX interrupt taken by
 * the CPU, overrun (OERR: the 8 received characters stay, later ones are
 * lost, clearing OERR empties the FIFO), a disabled receiver, RIDLE.
 * vpsim: --uart 2=none --input 2='at 1ms: hello\n' --input 2='at 2ms: ABCDEFG'
 * vpsim: --input 2=@uart_rx.in
 */
#include "soc_io.h"

#define BRG 53
#define FRAME (10u * 16u * (BRG + 1)) /* Count ticks */
#define MS 100000u                    /* Count ticks per ms */

static volatile char got[16];
static volatile unsigned ngot, nirq;

void irq_handler(unsigned tag)
{
    (void)tag;
    nirq++;
    while (REG(USTA(2)) & USTA_URXDA)
        got[ngot++ & 15] = (char)REG(URXREG(2));
    irq_ack(V_URX(2));
}

static unsigned drain(char *buf, unsigned max)
{
    unsigned n = 0;
    while ((REG(USTA(2)) & USTA_URXDA) && n < max)
        buf[n++] = (char)REG(URXREG(2));
    buf[n] = 0;
    return n;
}

static void wait_until_count(uint32_t t)
{
    while ((int32_t)(c0_count() - t) < 0)
        ;
}

int main(void)
{
    char buf[32];
    CHECK(c0_count() < MS / 2); /* the timeline below starts at reset */
    uart_setup(2, BRG, 0, USTA_URXEN | USTA_URXISEL(0));
    CHECK(REG(USTA(2)) & USTA_RIDLE);
    CHECK(!(REG(USTA(2)) & USTA_URXDA));

    /* "hello\n" starts at 1 ms: the first character is in the FIFO one
     * frame later */
    CHECK(WAIT_UNTIL(REG(USTA(2)) & USTA_URXDA, 1000000));
    uint32_t t = c0_count();
    CHECK(t >= 1 * MS + FRAME && t <= 1 * MS + FRAME + 80);
    CHECK(irq_flag(V_URX(2)));
    wait_until_count(1 * MS + 6 * FRAME + 100);
    CHECK_EQ(drain(buf, 31), 6);
    CHECK(!strcmp(buf, "hello\n"));
    CHECK(!(REG(USTA(2)) & USTA_URXDA));
    irq_ack(V_URX(2));
    CHECK(!irq_flag(V_URX(2)));

    /* URXISEL = 01: the request waits for 4 characters ("ABCDEFG" at 2 ms) */
    SET(USTA(2)) = USTA_URXISEL(1);
    CHECK(WAIT_UNTIL(irq_flag(V_URX(2)), 1000000));
    CHECK_EQ(drain(buf, 31), 4);
    CHECK(!strcmp(buf, "ABCD"));
    wait_until_count(2 * MS + 7 * FRAME + 100);
    CHECK_EQ(drain(buf, 31), 3);
    CHECK(!strcmp(buf, "EFG"));
    CLR(USTA(2)) = USTA_URXISEL(3);

    /* the RX interrupt taken by the CPU ("xyz" at 3 ms) */
    REG(INTCON) = INTCON_MVEC;
    REG(OFF(V_URX(2))) = ebase_off(irq_stub0);
    irq_setup(V_URX(2), 3, 0);
    irq_cpu_enable();
    CHECK(WAIT_UNTIL(ngot >= 3, 1000000));
    irq_cpu_disable();
    CHECK(nirq >= 1);
    CHECK(got[0] == 'x' && got[1] == 'y' && got[2] == 'z');
    CLR(IEC(V_URX(2) / 32)) = 1u << (V_URX(2) % 32);

    /* overrun: 12 characters at 4 ms, nobody reads */
    irq_ack(V_UFAULT(2));
    wait_until_count(4 * MS + 12 * FRAME + 100);
    CHECK(REG(USTA(2)) & USTA_OERR);
    CHECK(irq_flag(V_UFAULT(2)));
    CHECK_EQ(drain(buf, 31), 8);
    CHECK(!strcmp(buf, "01234567"));
    CHECK(REG(USTA(2)) & USTA_OERR); /* reception stays stopped */
    CLR(USTA(2)) = USTA_OERR;
    irq_ack(V_UFAULT(2));
    CHECK(!irq_flag(V_UFAULT(2)));
    SET(USTA(2)) = USTA_OERR; /* software cannot set it */
    CHECK(!(REG(USTA(2)) & USTA_OERR));

    /* overrun again (5 ms), then clearing OERR empties the FIFO */
    wait_until_count(5 * MS + 10 * FRAME + 100);
    CHECK(REG(USTA(2)) & USTA_OERR);
    CHECK(REG(USTA(2)) & USTA_URXDA);
    CLR(USTA(2)) = USTA_OERR;
    CHECK(!(REG(USTA(2)) & USTA_URXDA));

    /* receiver disabled at 6 ms: the characters are lost */
    CLR(USTA(2)) = USTA_URXEN;
    wait_until_count(6 * MS + 4 * FRAME + 100);
    SET(USTA(2)) = USTA_URXEN;
    CHECK(!(REG(USTA(2)) & USTA_URXDA));

    /* RIDLE drops while a character is on the line (7 ms) */
    wait_until_count(7 * MS + FRAME / 2);
    CHECK(!(REG(USTA(2)) & USTA_RIDLE));
    wait_until_count(7 * MS + FRAME + 40);
    CHECK(REG(USTA(2)) & USTA_RIDLE);
    CHECK_EQ(drain(buf, 31), 1);
    CHECK(buf[0] == 'r');
    return t_done("soc-io/uart_rx");
}
