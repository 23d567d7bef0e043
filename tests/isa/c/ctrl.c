/* Control flow: dense switches (jump tables) and sparse ones, function
 * pointer tables, mutual and deep recursion, structs by value, a small
 * stack-machine interpreter; results known by hand. */
#include "../../lib/test.h"

static volatile int vzero = 0;

static int dense(int op)
{
    switch (op) {
    case 0: return 11;
    case 1: return 22;
    case 2: return 33;
    case 3: return 44;
    case 4: return 55;
    case 5: return 66;
    case 6: return 77;
    case 7: return 88;
    case 8: return 99;
    case 9: return 110;
    default: return -1;
    }
}

static const char *sparse(unsigned v)
{
    switch (v) {
    case 1: return "one";
    case 100: return "hundred";
    case 1000: return "thousand";
    case 0x10000: return "64k";
    case 0xffffffffu: return "max";
    default: return "other";
    }
}

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int dvd(int a, int b) { return b ? a / b : 0; }
static int (*const ops[4])(int, int) = {add, sub, mul, dvd};

static int is_even(unsigned n);
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }

static unsigned depth(unsigned n)
{
    volatile char pad[32];
    pad[n & 31] = (char)n;
    return n ? 1 + depth(n - 1) + (pad[n & 31] != (char)n) : 0;
}

struct vec { int x, y, z; };
static struct vec vadd(struct vec a, struct vec b)
{
    struct vec r = {a.x + b.x, a.y + b.y, a.z + b.z};
    return r;
}
static long long dot(struct vec a, struct vec b)
{
    return (long long)a.x * b.x + (long long)a.y * b.y + (long long)a.z * b.z;
}

/* (2 + 3) * (7 - 4) = 15; then 25 - 15 * 15 = -200 */
enum { PUSH, ADD, SUB, MUL, DUP, SWAP, HALT };
static const int prog[] = {PUSH, 2, PUSH, 3, ADD, PUSH, 7, PUSH, 4, SUB, MUL,
                           DUP, MUL, PUSH, 25, SWAP, SUB, HALT};
static int run(const int *pc)
{
    int st[16], sp = 0;
    for (;;) {
        switch (*pc++) {
        case PUSH: st[sp++] = *pc++; break;
        case ADD: sp--; st[sp - 1] += st[sp]; break;
        case SUB: sp--; st[sp - 1] -= st[sp]; break;
        case MUL: sp--; st[sp - 1] *= st[sp]; break;
        case DUP: st[sp] = st[sp - 1]; sp++; break;
        case SWAP: { int t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; break; }
        case HALT: return st[sp - 1];
        default: return -9999;
        }
    }
}

static int hanoi_moves;
static void hanoi(int n, int from, int to, int via)
{
    if (!n)
        return;
    hanoi(n - 1, from, via, to);
    hanoi_moves++;
    hanoi(n - 1, via, to, from);
}

int main(void)
{
    int s = 0;
    for (int i = -2 + vzero; i < 12; i++)
        s += dense(i);
    CHECK_EQ(s, 605 - 4);  /* 0..9 give 11..110, four defaults give -1 */
    CHECK(strcmp(sparse(1000 + vzero), "thousand") == 0);
    CHECK(strcmp(sparse(0xffffffffu + vzero), "max") == 0);
    CHECK(strcmp(sparse(0x10000 + vzero), "64k") == 0);
    CHECK(strcmp(sparse(2 + vzero), "other") == 0);
    int r[4];
    for (int i = 0; i < 4; i++)
        r[i] = ops[i + vzero](20, 6);
    CHECK_EQ(r[0], 26);
    CHECK_EQ(r[1], 14);
    CHECK_EQ(r[2], 120);
    CHECK_EQ(r[3], 3);
    int (*volatile fp)(int, int) = mul;
    CHECK_EQ(fp(-7, 6), -42);
    CHECK_EQ(is_even(1000 + vzero), 1);
    CHECK_EQ(is_odd(777 + vzero), 1);
    CHECK_EQ(depth(2000 + vzero), 2000);
    struct vec a = {1, 2, 3}, b = {-4, 5, 60000};
    a.x += vzero;
    struct vec c = vadd(a, b);
    CHECK_EQ(c.x, -3);
    CHECK_EQ(c.y, 7);
    CHECK_EQ(c.z, 60003);
    CHECK_EQ(dot(c, c), 9ll + 49 + 60003ll * 60003);
    CHECK_EQ(run(prog + vzero), -200);
    hanoi(10 + vzero, 1, 3, 2);
    CHECK_EQ(hanoi_moves, 1023);
    return t_done("isa/c ctrl");
}
