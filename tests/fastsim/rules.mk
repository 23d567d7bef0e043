# tests/fastsim: the fast loop (sim/cpu/fast.c) against the exact one.
# Programs of its own (code written by CPU stores, DMA, NVM and a debugger;
# code run from kuseg through the TLB), linked like tests/soc's (its
# runtime soc_rt.S and tests/lib); tests/fastsim/run also runs the ISA,
# diff-generator, example-guest and tinyVP images both ways.
FASTSIM_B     := $(B)/tests/fastsim
FASTSIM_PROGS := $(basename $(notdir $(wildcard tests/fastsim/*.c)))
FASTSIM_ELFS  := $(FASTSIM_PROGS:%=$(FASTSIM_B)/%.elf)

TEST_DEPS += $(FASTSIM_ELFS) $(FASTSIM_B)/tlbcode.o

$(FASTSIM_B)/%.o: tests/fastsim/%.c tests/soc-io/soc_io.h tests/soc/soc_test.h tests/lib/test.h \
                  include/mips/mipsregs.h $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -c -o $@ $<
$(FASTSIM_B)/%.o: tests/fastsim/%.S include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -c -o $@ $<
$(FASTSIM_B)/tlbrun.elf: $(FASTSIM_B)/tlbcode.o
$(FASTSIM_B)/%.elf: $(FASTSIM_B)/%.o $(B)/tests/soc/soc_rt.o $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o \
                    tests/lib/test.ld
	@$(call TEST_LINK,$@,$(B)/tests/soc/soc_rt.o $(filter $(FASTSIM_B)/tlbcode.o,$^) $<)
.SECONDARY: $(FASTSIM_PROGS:%=$(FASTSIM_B)/%.o) $(FASTSIM_B)/tlbcode.o
