# VZ tests: root-mode programs that run guests through a minimal monitor
# (tests/vz/vzmon.c, vzlib.S) and check both sides. vpsim only (QEMU has
# no VZ).
VZ_B    := $(B)/tests/vz
VZ_PROGS := $(basename $(notdir $(wildcard tests/vz/vz_*.c)))
VZ_ELFS := $(VZ_PROGS:%=$(VZ_B)/%.elf)
VZ_OBJS := $(VZ_B)/vzmon.o $(VZ_B)/vzlib.o
VZ_CFLAGS = $(TARGET_CFLAGS) -mvirt -O2 -Itests/lib -Itests/vz
TEST_DEPS += $(VZ_ELFS)

$(VZ_B)/%.o: tests/vz/%.c tests/vz/vz.h tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(VZ_CFLAGS) -c -o $@ $<
$(VZ_B)/vzlib.o: tests/vz/vzlib.S include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(VZ_CFLAGS) -c -o $@ $<
$(VZ_B)/%.elf: $(VZ_B)/%.o $(VZ_OBJS) $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o tests/lib/test.ld
	@$(call TEST_LINK,$@,$(VZ_OBJS) $<)
