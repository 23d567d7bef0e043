# VZ tests: root-mode programs that run guests through a minimal monitor
# (tests/vz/vzmon.c, vzlib.S) and check both sides. vpsim only (QEMU has
# no VZ).
VZ_B    := $(B)/tests/vz
VZ_PROGS := $(basename $(notdir $(wildcard tests/vz/vz_*.c)))
VZ_ELFS := $(VZ_PROGS:%=$(VZ_B)/%.elf)
VZ_OBJS := $(VZ_B)/vzmon.o $(VZ_B)/vzlib.o
VZ_CFLAGS = $(TARGET_CFLAGS) -mvirt -O2 -Itests/lib -Itests/vz
TEST_DEPS += $(VZ_ELFS)

$(VZ_B)/%.o: tests/vz/%.c tests/vz/vz.h tests/lib/test.h $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(VZ_CFLAGS) -c -o $@ $<
$(VZ_B)/vzlib.o: tests/vz/vzlib.S include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(VZ_CFLAGS) -c -o $@ $<
# a program's own boot flash (vz_debug.c: the EJTAG debug vector): .bootflash
VZ_BOOTFLASH := -Wl,--section-start=.bootflash=0xbfc00000
$(VZ_B)/%.elf: $(VZ_B)/%.o $(VZ_OBJS) $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o tests/lib/test.ld
	@$(call TEST_LINK,$@,$(VZ_OBJS) $< $(VZ_BOOTFLASH))
# the 1:1 monitor for bare-board guests (run by tests/vz/run with --load)
VZ_MON := $(VZ_B)/mon11.elf
TEST_DEPS += $(VZ_MON)
$(VZ_MON): tests/vz/mon11.S tests/vz/mon11.ld include/mips/mipsregs.h $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -mvirt $(TARGET_LDFLAGS) -T tests/vz/mon11.ld -o $@ $<
VZ_MONK := $(VZ_B)/mon11k.elf
TEST_DEPS += $(VZ_MONK)
$(VZ_MONK): tests/vz/mon11.S tests/vz/mon11.ld include/mips/mipsregs.h $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -mvirt -DGUEST_KERNEL_ENTRY $(TARGET_LDFLAGS) -T tests/vz/mon11.ld -o $@ $<
