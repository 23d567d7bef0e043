/*
 * chan_b: the reader of `samp` and `queue`, the writer of `ack` and
 * `back` (tests/system/chan.h).
 */
#include "chan.h"

static uint8_t buf[MAXMSG + 4];
static const uint8_t in_flash[16] = { 1 };

static void ack(uint8_t step)
{
    int r = tvp_queuing_send(P_ACK, &step, 1);
    if (r)
        rt_printf("b: ack %d refused %d\n", step, r);
}

/* poll `samp` (yielding) until its message is `len` bytes of `seed` */
static int wait_sample(unsigned len, unsigned seed, uint32_t *age)
{
    for (unsigned tries = 0; tries < 1000; tries++) {
        int r = tvp_sampling_read(P_SAMP, buf, MAXMSG, age);
        if (r == (int)len && buf[0] == (uint8_t)seed)
            return r;
        yield();
    }
    return -100;
}

int main(void)
{
    board_init();
    uint32_t age, x;
    unsigned left;
    long hi;

    /* the queue: 1, 16, max bytes, in order, into an unaligned buffer */
    int r;
    for (unsigned tries = 0; tries < 1000 && (r = tvp_port_status(P_QUEUE, &x)) < 3; tries++)
        yield();
    rt_printf("b: queue status %d depth %u\n", r, (unsigned)x);
    r = tvp_queuing_receive(P_QUEUE, buf + 3, 0, &left);
    rt_printf("b: receive into 0 bytes %d\n", r);
    r = tvp_queuing_receive(P_QUEUE, (void *)(RAM_END - 0), 16, &left);
    rt_printf("b: receive past RAM %d\n", r);
    r = tvp_queuing_receive(P_QUEUE, (void *)in_flash, 16, &left);
    rt_printf("b: receive into flash %d\n", r);
    static const unsigned lens[3] = { 1, 16, MAXMSG };
    for (unsigned k = 0; k < 3; k++) {
        /* the 16-byte one through the buffer's kseg1 (uncached) alias */
        uint8_t *to = k == 1 ? (uint8_t *)((uintptr_t)(buf + 3) | 0xa0000000u) : buf + 3;
        r = tvp_queuing_receive(P_QUEUE, to, MAXMSG, &left);
        rt_printf("b: receive %d left %u %s\n", r, left,
                  r == (int)lens[k] && same(buf + 3, lens[k], 10 + k) ? "content ok" : "content wrong");
    }
    r = tvp_queuing_receive(P_QUEUE, buf, MAXMSG, &left);
    rt_printf("b: receive from an empty queue %d\n", r);

    /* refused: wrong direction and kind */
    rt_printf("b: send on queue %d\n", tvp_queuing_send(P_QUEUE, buf, 1));
    rt_printf("b: write samp %d\n", tvp_sampling_write(P_SAMP, buf, 1));
    rt_printf("b: read ack %d\n", tvp_sampling_read(P_ACK, buf, 16, 0));
    rt_printf("b: receive ack %d\n", tvp_queuing_receive(P_ACK, buf, 16, 0));

    /* sampling, 16 bytes (the 1-byte message before it was overwritten) */
    r = wait_sample(16, 21, &age);
    uint32_t now = (uint32_t)tvp_hc_time(0, 0, &hi), t;
    memcpy(&t, buf + 8, 4);
    rt_printf("b: read %d %s, age %s\n", r, same(buf, 8, 21) ? "content ok" : "content wrong",
              now - t >= age && now - t - age < 50 ? "matches" : "wrong");
    r = tvp_sampling_read(P_SAMP, buf, MAXMSG, &x);
    rt_printf("b: read again %d, age %s\n", r, x >= age ? "not less" : "less");
    rt_printf("b: read into 15 bytes %d\n", tvp_sampling_read(P_SAMP, buf, 15, 0));
    rt_printf("b: read across RAM end %d\n", tvp_sampling_read(P_SAMP, (void *)(RAM_END - 8), 16, 0));
    rt_printf("b: read into flash %d\n", tvp_sampling_read(P_SAMP, (void *)in_flash, 16, 0));
    ack(1);

    r = wait_sample(MAXMSG, 22, &age);
    rt_printf("b: read %d %s\n", r, same(buf, MAXMSG, 22) ? "content ok" : "content wrong");
    ack(2);

    r = wait_sample(1, 23, &age);
    rt_printf("b: read %d %s\n", r, same(buf, 1, 23) ? "content ok" : "content wrong");
    r = tvp_queuing_receive(P_QUEUE, buf, MAXMSG, &left);
    rt_printf("b: receive %d '%s' left %u\n", r, r > 0 ? (char *)buf : "", left);
    static const char hello[] = "from b";
    rt_printf("b: write back %d\n", tvp_sampling_write(P_BACK, hello, sizeof hello));
    ack(3);

    /* validity: a writes no more; 3 frames later the sample is old */
    r = tvp_port_status(P_SAMP, &age);
    rt_printf("b: samp status %d, %s\n", r, tvp_sampling_valid(age, 20000) ? "valid" : "invalid");
    uint32_t t0 = (uint32_t)tvp_hc_time(0, 0, &hi);
    for (unsigned tries = 0; tries < 100 && (uint32_t)tvp_hc_time(0, 0, &hi) - t0 < 30000; tries++)
        yield();
    r = tvp_sampling_read(P_SAMP, buf, MAXMSG, &age);
    rt_printf("b: read %d after 30 ms, %s\n", r, tvp_sampling_valid(age, 20000) ? "valid" : "invalid");
    ack(4);
    rt_printf("b: done\n");
    for (;;)
        yield();
}
