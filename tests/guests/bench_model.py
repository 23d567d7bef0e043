#!/usr/bin/env python3
"""Independent model of the workload guests/bench specifies (its header
comment), written from that text and not from the C code: prints the lines
the guest must print apart from the timing line. Used to write
tests/guests/expect/bench.txt; `run` also checks that file against it.
Python floats are IEEE binary64 with one rounding per operation, as the
M5150 FPU (its MADD/MSUB round twice)."""
import zlib

M = 0xFFFFFFFF
N = 4096


def xorshift_fill(x):
    a = []
    for _ in range(N):
        x ^= (x << 13) & M
        x ^= x >> 17
        x ^= (x << 5) & M
        a.append(x)
    return a


def mandel(maxit):
    total = 0
    for y in range(24):
        ci = -1.2 + 2.4 * y / 24
        for x in range(32):
            cr = -2.0 + 3.0 * x / 32
            zr = zi = 0.0
            it = 0
            while it < maxit:
                zr2, zi2 = zr * zr, zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2 * zr * zi + ci
                zr = zr2 - zi2 + cr
                it += 1
            total += it
    return total


def main():
    print("bench: integer, memory and floating-point workload, 4 rounds")
    seed = 2463534242
    for r in range(4):
        a = sorted(xorshift_fill(seed))
        s = 0
        for v in a:
            s = (s * 31 + v) & M
        crc = zlib.crc32(b"".join(v.to_bytes(4, "little") for v in a)) & M
        m = mandel(64 + 16 * r)
        seed = s ^ crc ^ m
        print("bench: round %u: sort 0x%08x crc 0x%08x mandel %u" % (r, s, crc, m))
    print("bench: checksum 0x%08x" % seed)


if __name__ == "__main__":
    main()
