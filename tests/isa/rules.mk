# ISA test programs for vpsim's M5150 core, also run on QEMU (the oracle).
#  tests/isa/asm/*.S    self-checking assembly, one program each
#                       (vp_*.S: M5150-specific, run on vpsim only)
#  tests/isa/c/*.c      C programs, each built four ways:
#                       m5100 (hard float) and m5101 (soft float) x -O0/-O2
#                       (f_*.c use floating point: m5100 only)
ISA_B      := $(B)/tests/isa
ISA_ASM    := $(basename $(notdir $(wildcard tests/isa/asm/*.S)))
ISA_C      := $(basename $(notdir $(wildcard tests/isa/c/*.c)))
ISA_C_INT  := $(filter-out f_%,$(ISA_C))
ISA_VARIANTS_HARD := m5100-O0 m5100-O2
ISA_VARIANTS_SOFT := m5101-O0 m5101-O2
# microMIPS builds (-mmicromips; c_<prog>-mm-<variant>.elf): run on vpsim, whose
# output must equal the MIPS32 build's (tests/isa/run)
ISA_VARIANTS_MM_HARD := mm-m5100-O2
ISA_VARIANTS_MM_SOFT := mm-m5101-O0 mm-m5101-O2
ISA_ELFS   := $(ISA_ASM:%=$(ISA_B)/%.elf) \
              $(foreach v,$(ISA_VARIANTS_HARD),$(ISA_C:%=$(ISA_B)/c_%-$(v).elf)) \
              $(foreach v,$(ISA_VARIANTS_SOFT),$(ISA_C_INT:%=$(ISA_B)/c_%-$(v).elf)) \
              $(foreach v,$(ISA_VARIANTS_MM_HARD),$(ISA_C:%=$(ISA_B)/c_%-$(v).elf)) \
              $(foreach v,$(ISA_VARIANTS_MM_SOFT),$(ISA_C_INT:%=$(ISA_B)/c_%-$(v).elf))
ISA_RT_OBJS := $(ISA_B)/isa_rt.o $(ISA_B)/isa_main.o
# (tests/lib/rules.mk is read after this file: name its objects here)
ISA_LIB_OBJS := $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o

TEST_DEPS += $(ISA_ELFS)

$(ISA_B)/isa_rt.o: tests/isa/isa_rt.S tests/isa/isa.h include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -c -o $@ $<
$(ISA_B)/isa_main.o: tests/isa/isa_main.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -c -o $@ $<

$(ISA_B)/asm_%.o: tests/isa/asm/%.S tests/isa/isa.h include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -Itests/isa -c -o $@ $<
$(ISA_B)/%.elf: $(ISA_B)/asm_%.o $(ISA_RT_OBJS) $(ISA_LIB_OBJS) tests/lib/test.ld
	@$(call TEST_LINK,$@,$(ISA_RT_OBJS) $<)

# C programs. The m5101 objects are soft-float; the runtime they link with
# is hard-float, but no floating-point value crosses between them, so the
# objects' FP-ABI records (.gnu.attributes, .MIPS.abiflags) are dropped to keep the link quiet.
define ISA_C_RULES
$(ISA_B)/c_%-m5100-$(1).o: tests/isa/c/%.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TCC) $(TARGET_CFLAGS) -$(1) -c -o $$@ $$<
$(ISA_B)/c_%-m5101-$(1).o: tests/isa/c/%.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TCC) $(filter-out -march=%,$(TARGET_CFLAGS)) -march=m5101 -msoft-float -$(1) -c -o $$@.tmp $$<
	$(TOBJCOPY) -R .gnu.attributes -R .MIPS.abiflags $$@.tmp $$@ && rm -f $$@.tmp
$(ISA_B)/c_%-$(1).elf: $(ISA_B)/c_%-$(1).o $(ISA_LIB_OBJS) tests/lib/test.ld
	@$$(call TEST_LINK,$$@,$$<)
endef
$(eval $(call ISA_C_RULES,O0))
$(eval $(call ISA_C_RULES,O2))
# Keep the objects (make would delete them as intermediates).
.SECONDARY: $(ISA_LIB_OBJS) $(ISA_RT_OBJS) $(ISA_ELFS:%.elf=%.o) \
            $(ISA_ASM:%=$(ISA_B)/asm_%.o)

# microMIPS builds of the C programs. -minterlink-compressed: calls between
# the microMIPS program and the MIPS32 runtime/libgcc go through JALX (as in
# firmware that mixes ISAs).
ISA_MM_FLAGS := -mmicromips -minterlink-compressed
define ISA_C_MM_RULES
$(ISA_B)/c_%-mm-m5100-$(1).o: tests/isa/c/%.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TCC) $(TARGET_CFLAGS) $(ISA_MM_FLAGS) -$(1) -c -o $$@ $$<
$(ISA_B)/c_%-mm-m5101-$(1).o: tests/isa/c/%.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$(TCC) $(filter-out -march=%,$(TARGET_CFLAGS)) -march=m5101 -msoft-float $(ISA_MM_FLAGS) -$(1) -c -o $$@.tmp $$<
	$(TOBJCOPY) -R .gnu.attributes -R .MIPS.abiflags $$@.tmp $$@ && rm -f $$@.tmp
endef
$(eval $(call ISA_C_MM_RULES,O0))
$(eval $(call ISA_C_MM_RULES,O2))

# The C programs as tinyVP partitions (tests/isa/part): the MIPS32 and the
# microMIPS build's objects (m5100-O2, mm-m5100-O2) linked with the example
# guests' runtime and part.c (their t_printf on the console UART), five
# partitions per system (part/m32.yaml, part/mm.yaml); tests/isa/run
# compares each console with the program's bare UHI output.
ISA_PART_VARIANTS := m5100-O2 mm-m5100-O2
ISA_PART_ELFS := $(foreach v,$(ISA_PART_VARIANTS),$(ISA_C:%=$(ISA_B)/part/p_%-$(v).elf))
$(ISA_B)/part.o: tests/isa/part/part.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
# RAM per program (ctrl recurses 2,000 calls deep)
$(ISA_B)/part/p_%.elf: PART_RAM = 32K
$(ISA_B)/part/p_ctrl-%.elf: PART_RAM = 192K
$(ISA_B)/part/p_%.elf: $(ISA_B)/c_%.o $(ISA_B)/part.o $(GUEST_RT_FIXED) $(GUEST_RT_LIB) guests/rt/guest.ld
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -Wl,--defsym,__rt_ram_size=$(PART_RAM) -o $@ \
	    $(GUEST_RT_FIXED) $< $(ISA_B)/part.o $(GUEST_RT_LIB) $(GUEST_LIBGCC) 2>$@.log; rc=$$?; \
	    grep -v 'abicalls' $@.log >&2; rm -f $@.log; exit $$rc
HV_GUEST_IMAGES += $(ISA_PART_ELFS)
TEST_DEPS += $(ISA_PART_ELFS)
$(foreach s,m32 mm,$(eval $(call hv_image,isa-part-$(s),tests/isa/part/$(s).yaml,$(ISA_B)/part)))
TEST_DEPS += $(B)/isa-part-m32/tinyvp.hex $(B)/isa-part-mm/tinyvp.hex
