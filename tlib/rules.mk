# tlib/: the freestanding C library of all target code (tlib/tlib.h), and
# the generated PIC32MZ register header (conf/chiphdr.c writes it from
# vpconf's chip data; the rule is in conf/rules.mk). Read before hv/,
# guests/ and tests/: they take these names at parse time.
#   TLIB_SRCS     every consumer: string functions, the printf core
#   TLIB_FP_SRCS  hard-float consumers (the guests): tlib_fmt_double
#   CHIP_H        the header, $(B)/gen/include/pic32mz/chip.h: a prerequisite
#                 of every object that includes it
# Each consumer compiles the sources with its own flags into its own
# directory (hv/rules.mk, guests/rules.mk, tests/lib/rules.mk).
TLIB_SRCS    := tlib/string.c tlib/format.c
TLIB_FP_SRCS := tlib/fmt_double.c
TLIB_HDRS    := tlib/tlib.h
CHIP_H       := $(B)/gen/include/pic32mz/chip.h
TARGET_CFLAGS += -Itlib -I$(B)/gen/include
