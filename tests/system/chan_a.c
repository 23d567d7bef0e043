/*
 * chan_a: the writer of `samp` and `queue`, the reader of `ack` and
 * `back` (tests/system/chan.h).
 */
#include "chan.h"

static uint8_t msg[MAXMSG + 4];
static const char from_flash[] = "flash";

/* wait for b's acknowledgement of `step` (one per window at most) */
static void wait_ack(unsigned step)
{
    uint8_t a[16];
    for (unsigned tries = 0; tries < 1000; tries++) {
        int r = tvp_queuing_receive(P_ACK, a, sizeof a, 0);
        if (r >= 0) {
            rt_printf("a: ack %d len %d\n", a[0], r);
            if (a[0] != step)
                rt_printf("a: ack out of step\n");
            return;
        }
        yield();
    }
    rt_printf("a: no ack for step %u\n", step);
}

int main(void)
{
    board_init();
    uint32_t x;
    int r = tvp_port_status(P_SAMP, &x);
    rt_printf("a: samp status %d %x\n", r, (unsigned)x);
    r = tvp_port_status(P_QUEUE, &x);
    rt_printf("a: queue status %d depth %u\n", r, (unsigned)x);

    /* refused calls: nothing changes */
    fill(msg, MAXMSG + 1, 1);
    rt_printf("a: write 0 bytes %d\n", tvp_sampling_write(P_SAMP, msg, 0));
    rt_printf("a: write max+1 %d\n", tvp_sampling_write(P_SAMP, msg, MAXMSG + 1));
    rt_printf("a: read own samp %d\n", tvp_sampling_read(P_SAMP, msg, MAXMSG, 0));
    rt_printf("a: write back %d\n", tvp_sampling_write(P_BACK, msg, 4));
    rt_printf("a: send ack %d\n", tvp_queuing_send(P_ACK, msg, 4));
    rt_printf("a: queue send on samp %d\n", tvp_queuing_send(P_SAMP, msg, 4));
    rt_printf("a: sample write on queue %d\n", tvp_sampling_write(P_QUEUE, msg, 4));
    rt_printf("a: unknown port %d %d %d\n", tvp_sampling_write(P_NONE, msg, 4),
              tvp_queuing_receive(P_NONE, msg, 16, 0), tvp_port_status(0xffffffffu, 0));
    rt_printf("a: buffer past RAM %d\n", tvp_sampling_write(P_SAMP, (void *)RAM_END, 16));
    rt_printf("a: buffer across RAM end %d\n", tvp_sampling_write(P_SAMP, (void *)(RAM_END - 8), 16));
    rt_printf("a: buffer in kuseg %d\n", tvp_queuing_send(P_QUEUE, (void *)0x1000, 16));
    rt_printf("a: buffer in SFRs %d\n", tvp_sampling_write(P_SAMP, (void *)0xbf800000u, 4));
    r = tvp_port_status(P_SAMP, &x);
    rt_printf("a: samp status %d %x\n", r, (unsigned)x);
    rt_printf("a: read back (never written) %d\n", tvp_sampling_read(P_BACK, msg, 16, 0));

    /* queue: 1, 16 and max bytes (unaligned), then full */
    fill(msg + 1, 1, 10);
    rt_printf("a: send 1 %d\n", tvp_queuing_send(P_QUEUE, msg + 1, 1));
    fill(msg + 1, 16, 11);
    rt_printf("a: send 16 %d\n", tvp_queuing_send(P_QUEUE, msg + 1, 16));
    fill(msg + 1, MAXMSG, 12);
    rt_printf("a: send max %d\n", tvp_queuing_send(P_QUEUE, msg + 1, MAXMSG));
    rt_printf("a: send to a full queue %d\n", tvp_queuing_send(P_QUEUE, msg, 1));
    r = tvp_port_status(P_QUEUE, &x);
    rt_printf("a: queue status %d depth %u\n", r, (unsigned)x);

    /* sampling: 1 byte then 16 (b sees only the latest), then max, then 1 */
    fill(msg, 1, 20);
    rt_printf("a: write 1 %d\n", tvp_sampling_write(P_SAMP, msg, 1));
    long hi;
    uint32_t t = (uint32_t)tvp_hc_time(0, 0, &hi);
    fill(msg, 16, 21);
    memcpy(msg + 8, &t, 4); /* b checks the age against it */
    rt_printf("a: write 16 %d\n", tvp_sampling_write(P_SAMP, msg, 16));
    wait_ack(1);
    fill(msg, MAXMSG, 22);
    rt_printf("a: write max %d\n", tvp_sampling_write(P_SAMP, msg, MAXMSG));
    wait_ack(2);
    fill(msg, 1, 23);
    rt_printf("a: write 1 %d\n", tvp_sampling_write(P_SAMP, msg, 1));
    rt_printf("a: send from flash %d\n", tvp_queuing_send(P_QUEUE, from_flash, sizeof from_flash));
    wait_ack(3);
    /* b's sample on `back`, and the queue's state after b emptied it */
    r = tvp_sampling_read(P_BACK, msg, 16, &x);
    rt_printf("a: back %d '%s' %s\n", r, (char *)msg, x < 20000 ? "fresh" : "old");
    r = tvp_port_status(P_QUEUE, &x);
    rt_printf("a: queue status %d depth %u\n", r, (unsigned)x);
    wait_ack(4);
    rt_printf("a: done\n");
    for (;;)
        yield();
}
