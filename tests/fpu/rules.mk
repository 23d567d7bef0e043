# FPU test programs for vpsim's CP1, also run on QEMU (the oracle).
#  tests/fpu/asm/*.S   self-checking assembly, one program per instruction
#                      class, expected values as IEEE bit patterns
#                      (vp_*.S: M5150-specific, run on vpsim only)
#  tests/fpu/c/*.c     C programs (m5100 hard float) at -O0 and -O2
FPUT_B    := $(B)/tests/fpu
FPUT_ASM  := $(basename $(notdir $(wildcard tests/fpu/asm/*.S)))
FPUT_C    := $(basename $(notdir $(wildcard tests/fpu/c/*.c)))
FPUT_ELFS := $(FPUT_ASM:%=$(FPUT_B)/%.elf) \
             $(foreach o,O0 O2,$(FPUT_C:%=$(FPUT_B)/c_%-$(o).elf))
FPUT_RT   := $(FPUT_B)/fpu_rt.o $(FPUT_B)/fpu_main.o
# (tests/lib/rules.mk is read after this file: name its objects here)
FPUT_LIB_OBJS := $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o

TEST_DEPS += $(FPUT_ELFS)

$(FPUT_B)/fpu_rt.o: tests/fpu/fpu_rt.S tests/fpu/fpu_asm.h include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -c -o $@ $<
$(FPUT_B)/fpu_main.o: tests/fpu/fpu_main.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -c -o $@ $<
$(FPUT_B)/asm_%.o: tests/fpu/asm/%.S tests/fpu/fpu_asm.h include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -Itests/fpu -c -o $@ $<
$(FPUT_B)/%.elf: $(FPUT_B)/asm_%.o $(FPUT_RT) $(FPUT_LIB_OBJS) tests/lib/test.ld
	@$(call TEST_LINK,$@,$(FPUT_RT) $<)

define FPUT_C_RULES
$(FPUT_B)/c_%-$(1).o: tests/fpu/c/%.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TCC) $(TARGET_CFLAGS) -$(1) -c -o $$@ $$<
$(FPUT_B)/c_%-$(1).elf: $(FPUT_B)/c_%-$(1).o $(FPUT_LIB_OBJS) tests/lib/test.ld
	@$$(call TEST_LINK,$$@,$$<)
endef
$(eval $(call FPUT_C_RULES,O0))
$(eval $(call FPUT_C_RULES,O2))
.SECONDARY: $(FPUT_RT) $(FPUT_ASM:%=$(FPUT_B)/asm_%.o) \
            $(foreach o,O0 O2,$(FPUT_C:%=$(FPUT_B)/c_%-$(o).o))
