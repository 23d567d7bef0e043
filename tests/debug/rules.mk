# tests/debug: the disassembler against objdump, and the GDB stub driven by
# a small protocol client and by gdb-multiarch (see tests/debug/run).
DBG_B := $(B)/tests/debug
DBG_HOST_FLAGS := $(HOST_ALL_CFLAGS)

$(DBG_B)/dis_words: tests/debug/dis_words.c sim/host/disasm.c sim/host/disasm.h sim/cpu/mm_decode.c \
                   sim/cpu/cpu_int.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(DBG_HOST_FLAGS) -o $@ tests/debug/dis_words.c sim/host/disasm.c sim/cpu/mm_decode.c
$(DBG_B)/dis_sweep: tests/debug/dis_sweep.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(DBG_HOST_FLAGS) -o $@ $<
$(DBG_B)/rsp: tests/debug/rsp.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(DBG_HOST_FLAGS) -o $@ $<

# objects only disassembled (never run): every form, and a field sweep
DBG_AS := $(TCC) -march=m5100 -mvirt -mhard-float -mfp64 -EL -G0 -fno-pic -mno-abicalls -c
$(DBG_B)/insns.o: tests/debug/insns.S | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(DBG_AS) -o $@ $<
$(DBG_B)/sweep.o: $(DBG_B)/dis_sweep
	$< >$(DBG_B)/sweep.S
	$(DBG_AS) -o $@ $(DBG_B)/sweep.S

# the program the debugger drives (with debug information for gdb)
$(DBG_B)/target.o: tests/debug/target.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O1 -g -c -o $@ $<
# (tests/lib/rules.mk is read after this file: name its objects here)
$(DBG_B)/target.elf: $(DBG_B)/target.o $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o tests/lib/test.ld
	@$(call TEST_LINK,$@,$<)

TEST_DEPS += $(DBG_B)/dis_words $(DBG_B)/rsp $(DBG_B)/insns.o $(DBG_B)/sweep.o $(DBG_B)/target.elf
