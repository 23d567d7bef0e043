# tinyVP top-level Makefile. Everything is built out of tree in build/.
#   make            build vpsim, vpconf, the hypervisor and the guests
#   make run        run the demo in the simulator
#   make test       everything that proves the product; ends "N passed, N failed"
#   make bench      benchmarks (docs/benchmarks.md)
#   make fuzz       long differential / fuzz runs
#   make clean

CROSS_COMPILE ?= mipsel-linux-gnu-
B            ?= build
HOSTCC       ?= gcc
HOST_CFLAGS  ?= -O2 -g
HOST_CFLAGS  += -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
                -Wall -Wextra -Werror -Wno-unused-parameter -Iinclude -MMD -MP
HOST_LDLIBS  :=

TCC      := $(CROSS_COMPILE)gcc
TOBJCOPY := $(CROSS_COMPILE)objcopy
# Bare-metal target code for the M5150 (see docs/toolchain in ARCHITECTURE).
# Debian's binutils put a SYNC before every LL (a Loongson 3 erratum fix):
# not wanted on the M5150, and it moves exception PCs in tests.
TARGET_CFLAGS := -march=m5100 -mnan=legacy -EL -G0 -fno-pic -mno-abicalls \
                 -ffreestanding -nostdlib -fno-math-errno -Wall -Wextra -Iinclude \
                 -Wa,-mno-fix-loongson3-llsc
TARGET_LDFLAGS := -static -no-pie -nostdlib -Wl,--build-id=none

DEPS_STAMP := $(B)/.deps-ok

.PHONY: all run test bench fuzz clean deps
all: tools

# --- dependencies ------------------------------------------------------------
$(DEPS_STAMP): scripts/deps
	@mkdir -p $(B)
	@bash scripts/deps
	@touch $@
deps: $(DEPS_STAMP)

# --- vpsim -------------------------------------------------------------------
SIM_SRCS := $(sort $(wildcard sim/*/*.c sim/*/*/*.c))
SIM_OBJS := $(SIM_SRCS:%.c=$(B)/obj/%.o)
$(B)/bin/vpsim: $(SIM_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $^ -lelf -lm

$(B)/obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -c -o $@ $<

TOOLS := $(B)/bin/vpsim

# Sub-makefiles: each adds targets to TOOLS, TEST_DEPS, BENCH_DEPS, FUZZ_DEPS.
TEST_DEPS :=
BENCH_DEPS :=
FUZZ_DEPS :=
# Shared by the target code of hv/, guests/ and tests/ (read first).
include tlib/rules.mk
-include $(sort $(wildcard conf/rules.mk hv/rules.mk guests/rules.mk \
                           tests/*/rules.mk bench/rules.mk))

# --- top-level targets -------------------------------------------------------
# (after the includes: a rule's prerequisites are expanded when it is read)
tools: $(TOOLS)
.PHONY: tools
run: tools $(RUN_DEPS)
	$(RUN_CMD)

test: tools $(TEST_DEPS)
	@B=$(B) bash scripts/run-tests tests

bench: tools $(BENCH_DEPS)
	@B=$(B) bash scripts/run-bench

fuzz: tools $(FUZZ_DEPS)
	@B=$(B) FUZZ=1 bash scripts/run-tests tests

clean:
	rm -rf $(B)

-include $(SIM_OBJS:.o=.d)
