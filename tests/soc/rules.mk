# SoC test programs (tests/soc): one bare-metal, self-checking program per
# peripheral, run on vpsim by tests/soc/run. Each tests/soc/<name>.c is
# linked with soc_rt.S and the test runtime (tests/lib) into
# $(B)/tests/soc/<name>.elf. Extra vpsim options and output checks for a
# program are in its header (see run).
SOC_B     := $(B)/tests/soc
SOC_PROGS := $(basename $(notdir $(wildcard tests/soc/*.c)))
SOC_ELFS  := $(SOC_PROGS:%=$(SOC_B)/%.elf)
SOC_LIB   := $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o

TEST_DEPS += $(SOC_ELFS)

$(SOC_B)/soc_rt.o: tests/soc/soc_rt.S include/mips/mipsregs.h $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -c -o $@ $<
$(SOC_B)/%.o: tests/soc/%.c tests/soc/soc_test.h tests/lib/test.h include/mips/mipsregs.h $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -c -o $@ $<
# A program may hold its own configuration words in a section .devcfg
# (DEVCFG3..0, placed at 0xBFC0FFC0 in boot flash).
$(SOC_B)/%.elf: TARGET_LDFLAGS += -Wl,--section-start=.devcfg=0xBFC0FFC0
$(SOC_B)/%.elf: $(SOC_B)/%.o $(SOC_B)/soc_rt.o $(SOC_LIB) tests/lib/test.ld
	@$(call TEST_LINK,$@,$(SOC_B)/soc_rt.o $<)
.SECONDARY: $(SOC_PROGS:%=$(SOC_B)/%.o) $(SOC_B)/soc_rt.o
