# tinyVP top-level Makefile. Everything is built out of tree in build/.
#   make                      build vpsim, vpconf, the hypervisor and the guests
#   make run                  run the demo in the simulator (RUN_TIME=2s: stop after 2 s)
#   make SYSTEM=dir/my.yaml   build your own system: build/my/tinyvp.elf and .hex
#   make run SYSTEM=...       ... and boot it in the simulator
#   make test                 everything that proves the product; ends "N passed, N failed"
#   make bench                benchmarks (docs/benchmarks.md)
#   make fuzz                 long differential / fuzz runs
#   make install PREFIX=...   vpsim, vpconf and their man pages (DESTDIR honoured)
#   make clean
#
# Variables a user may set (they add to the flags the build needs, never
# replace them): HOST_CFLAGS (default -O2 -g) and CFLAGS for host code,
# TARGET_EXTRA_CFLAGS for target code, WERROR=1 to make warnings errors (CI
# sets it), CROSS_COMPILE, HOSTCC, B (build directory).

CROSS_COMPILE ?= mipsel-linux-gnu-
B            ?= build
HOSTCC       ?= gcc
HOST_CFLAGS  ?= -O2 -g
CFLAGS       ?=
WERROR       ?=
PREFIX       ?= /usr/local
DESTDIR      ?=

VERSION := $(strip $(file <VERSION))
WERROR_FLAG := $(if $(filter 1 yes,$(WERROR)),-Werror)
# Required host flags first, the user's after (so -O/-g/-f choices win).
HOST_REQ_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Wall -Wextra \
                   -Wno-unused-parameter -Iinclude -DTINYVP_VERSION='"$(VERSION)"'
HOST_ALL_CFLAGS = $(HOST_REQ_CFLAGS) $(HOST_CFLAGS) $(CFLAGS) $(WERROR_FLAG)
DEPFLAGS := -MMD -MP

TCC      := $(CROSS_COMPILE)gcc
TOBJCOPY := $(CROSS_COMPILE)objcopy
# Bare-metal target code for the M5150 (see docs/toolchain in ARCHITECTURE).
# Debian's binutils put a SYNC before every LL (a Loongson 3 erratum fix):
# not wanted on the M5150, and it moves exception PCs in tests. Header
# dependencies are generated (-MMD) for every target object too.
TARGET_EXTRA_CFLAGS ?=
TARGET_CFLAGS := -march=m5100 -mnan=legacy -EL -G0 -fno-pic -mno-abicalls \
                 -ffreestanding -nostdlib -fno-math-errno -Wall -Wextra -Iinclude \
                 -Wa,-mno-fix-loongson3-llsc $(DEPFLAGS) $(TARGET_EXTRA_CFLAGS)
TARGET_LDFLAGS := -static -no-pie -nostdlib -Wl,--build-id=none
# libgcc for the selected multilib: the compiler driver finds it at link
# time (nothing is asked of the cross compiler while make reads this file).
TARGET_LIBGCC := -lgcc

DEPS_STAMP := $(B)/.deps-ok
# No built-in rules: every rule is written here (and a generated .d file
# must never be "remade" by a chain of implicit rules).
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

.PHONY: all run test bench fuzz clean deps tools install
all: tools

# --- dependencies ------------------------------------------------------------
$(DEPS_STAMP): scripts/deps
	@mkdir -p $(B)
	@bash scripts/deps
	@touch $@
deps: $(DEPS_STAMP)

# --- host/: code vpsim and vpconf share (the image reader) --------------------
HOST_LIB_OBJS := $(B)/obj/host/image.o

# --- vpsim -------------------------------------------------------------------
SIM_SRCS := $(sort $(wildcard sim/*/*.c sim/*/*/*.c))
SIM_OBJS := $(SIM_SRCS:%.c=$(B)/obj/%.o)
$(B)/bin/vpsim: $(SIM_OBJS) $(HOST_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_ALL_CFLAGS) -o $@ $^ -lelf -lm

# Host objects: the user's flags are in HOST_ALL_CFLAGS; the objects are
# rebuilt when the version changes (it is compiled in).
$(B)/obj/%.o: %.c VERSION | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

TOOLS := $(B)/bin/vpsim

# Sub-makefiles, in an explicit order: each may use what the ones before it
# define (vpconf; the test runtime; the guest runtime; hv_image; then the
# test suites and benchmarks, which use all of those). Each adds to TOOLS,
# TEST_DEPS, BENCH_DEPS, FUZZ_DEPS and HV_GUEST_IMAGES.
TEST_DEPS :=
BENCH_DEPS :=
FUZZ_DEPS :=
HV_GUEST_IMAGES :=
# shared by the target code of hv/, guests/ and tests/ (the C library, chip.h)
include tlib/rules.mk
include conf/rules.mk
include tests/lib/rules.mk
include guests/rules.mk
include hv/rules.mk
include $(sort $(filter-out tests/lib/rules.mk,$(wildcard tests/*/rules.mk)))
include bench/rules.mk

# Every guest image the project builds exists before vpconf reads a system
# description naming it (order only: vpconf's dependency file then says
# which images each system really depends on).
hv-guest-images: $(GUEST_ELFS) $(CONF_TEST_ELFS) $(HV_GUEST_IMAGES)
.PHONY: hv-guest-images

# --- your own system: make SYSTEM=path/to/my.yaml [IMAGE_DIRS="dir ..."] ------
# Guest images are looked up next to the YAML first, then in IMAGE_DIRS.
ifneq ($(strip $(SYSTEM)),)
SYS_NAME := $(basename $(notdir $(SYSTEM)))
ifeq ($(wildcard $(SYSTEM)),)
$(error SYSTEM=$(SYSTEM): no such file)
endif
ifneq ($(filter $(SYS_NAME),$(HV_CONFIGS) bin obj gen guests tests bench man),)
$(error SYSTEM=$(SYSTEM): its name '$(SYS_NAME)' is taken by $(B)/$(SYS_NAME) of the project; rename the YAML file)
endif
$(eval $(call hv_image,$(SYS_NAME),$(SYSTEM),$(dir $(SYSTEM)) $(IMAGE_DIRS),user))
SYS_IMAGES := $(B)/$(SYS_NAME)/tinyvp.elf $(B)/$(SYS_NAME)/tinyvp.hex
system: $(B)/bin/vpsim $(SYS_IMAGES)
	@echo "built $(B)/$(SYS_NAME)/tinyvp.hex (report: $(B)/$(SYS_NAME)/gen/report.txt)"
.PHONY: system
.DEFAULT_GOAL := system
RUN_IMAGE := $(B)/$(SYS_NAME)/tinyvp.hex
else
RUN_IMAGE := $(B)/wifire-3guests/tinyvp.hex
endif

# --- top-level targets -------------------------------------------------------
tools: $(TOOLS)

# RUN_TIME=T stops the run after simulated time T (e.g. 2s); without it the
# demo runs until Ctrl-C. RUN_ARGS adds vpsim options.
run: $(B)/bin/vpsim $(RUN_IMAGE)
	$(B)/bin/vpsim --leds $(if $(RUN_TIME),--time $(RUN_TIME)) $(RUN_ARGS) $(RUN_IMAGE) \
	    $(if $(RUN_TIME),; rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 124 ])

# make test: every tests/<suite>/run, each a target of its own so that
# `make -j` runs independent suites side by side; each suite's lines are
# kept in $(B)/test-results/<suite>.txt and shown when it ends, and the
# summary ("N passed, N failed") comes last. SUITES="isa soc" runs some.
TEST_SUITES := $(patsubst tests/%/run,%,$(wildcard tests/*/run))
ifneq ($(strip $(SUITES)),)
TEST_SUITES := $(filter $(SUITES),$(TEST_SUITES))
endif
test: tools $(TEST_DEPS) $(TEST_SUITES:%=test-suite-%)
	@B=$(B) bash scripts/run-tests --summary $(TEST_SUITES)
fuzz: tools $(FUZZ_DEPS) $(TEST_SUITES:%=fuzz-suite-%)
	@B=$(B) bash scripts/run-tests --summary $(TEST_SUITES)
$(TEST_SUITES:%=test-suite-%): test-suite-%: tools $(TEST_DEPS)
	@B=$(B) bash scripts/run-tests --suite $*
$(TEST_SUITES:%=fuzz-suite-%): fuzz-suite-%: tools $(TEST_DEPS) $(FUZZ_DEPS)
	@B=$(B) FUZZ=1 bash scripts/run-tests --suite $*
.PHONY: $(TEST_SUITES:%=test-suite-%) $(TEST_SUITES:%=fuzz-suite-%)

bench: tools $(BENCH_DEPS)
	@B=$(B) bash scripts/run-bench

# --- install -----------------------------------------------------------------
# Man pages are made from each tool's --help and --version (help2man).
MAN_PAGES := $(B)/man/vpsim.1 $(B)/man/vpconf.1
$(B)/man/%.1: $(B)/bin/% scripts/man-include.txt
	@mkdir -p $(dir $@)
	help2man --no-info --include=scripts/man-include.txt \
	    --name="$(if $(filter vpsim,$*),full-system simulator of the PIC32MZ EF with MIPS VZ,tinyVP system configurator)" \
	    -o $@.tmp $< && mv $@.tmp $@
install: $(B)/bin/vpsim $(B)/bin/vpconf $(MAN_PAGES)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/bin/vpsim $(B)/bin/vpconf $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(MAN_PAGES) $(DESTDIR)$(PREFIX)/share/man/man1/

clean:
	rm -rf $(B)

# Generated header dependencies of every object, host and target.
-include $(shell find $(B) -name '*.d' 2>/dev/null)
