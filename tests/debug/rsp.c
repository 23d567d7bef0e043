/*
 * tests/debug: a minimal GDB remote-protocol client. Connects to
 * 127.0.0.1:PORT and plays a script from stdin, one line per step:
 *   PAYLOAD          send $PAYLOAD#xx, wait for the reply packet
 *   !cintr MS PAYLOAD  send PAYLOAD (a resume), wait MS ms, send ^C,
 *                    then wait for the reply
 *   !noreply PAYLOAD send it and do not wait (k)
 * and prints "> PAYLOAD" and "< REPLY" for each (newlines in a reply as
 * "\n"), for tests/debug/run to check. Replies are acknowledged with '+'. Exit status 1 on a protocol
 * error (bad checksum, closed connection).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int fd;

static void sendpkt(const char *p)
{
    unsigned sum = 0;
    for (const char *q = p; *q; q++)
        sum += (unsigned char)*q;
    char buf[8192];
    int n = snprintf(buf, sizeof buf, "$%s#%02x", p, sum & 0xFF);
    if (write(fd, buf, (size_t)n) != n) {
        perror("rsp: write");
        exit(1);
    }
}

static int getb(void)
{
    unsigned char c;
    if (read(fd, &c, 1) != 1)
        return -1;
    return c;
}

/* Reads a reply packet (skipping acks); NULL on EOF. */
static char *getpkt(void)
{
    static char buf[16384];
    int c;
    while ((c = getb()) != '$')
        if (c < 0)
            return NULL;
    size_t n = 0;
    unsigned sum = 0;
    while ((c = getb()) != '#') {
        if (c < 0)
            return NULL;
        if (n + 1 < sizeof buf)
            buf[n++] = (char)c;
        sum += (unsigned)c;
    }
    buf[n] = 0;
    char ck[3] = {0};
    for (int i = 0; i < 2; i++) {
        if ((c = getb()) < 0)
            return NULL;
        ck[i] = (char)c;
    }
    if (strtoul(ck, NULL, 16) != (sum & 0xFF)) {
        fprintf(stderr, "rsp: bad checksum on '%s'\n", buf);
        exit(1);
    }
    if (write(fd, "+", 1) != 1)
        exit(1);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: rsp PORT < script\n");
        return 2;
    }
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    int tries = 0;
    while (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        if (++tries > 100) {
            perror("rsp: connect");
            return 1;
        }
        usleep(50000);
    }
    char line[8192];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        const char *p = line;
        int intr_ms = -1;
        int noreply = 0;
        if (!strncmp(line, "!cintr ", 7)) {
            intr_ms = atoi(line + 7);
            p = strchr(line + 7, ' ');
            p = p ? p + 1 : "c";
        } else if (!strncmp(line, "!noreply ", 9)) {
            noreply = 1;
            p = line + 9;
        }
        printf("> %s\n", p);
        fflush(stdout);
        sendpkt(p);
        if (noreply)
            continue;
        if (intr_ms >= 0) {
            struct timespec ts = {intr_ms / 1000, (long)(intr_ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
            if (write(fd, "\x03", 1) != 1)
                return 1;
        }
        char *r = getpkt();
        if (!r) {
            printf("< (connection closed)\n");
            return 1;
        }
        printf("< ");
        for (const char *q = r; *q; q++) /* one line per reply */
            fputs(*q == '\n' ? "\\n" : (char[2]){*q, 0}, stdout);
        printf("\n");
        fflush(stdout);
    }
    close(fd);
    return 0;
}
