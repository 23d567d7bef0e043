# tests/diff: differential testing of vpsim against QEMU (see README.md).
# The generator is a host tool; the harness is assembled once and linked
# with every generated program by tests/diff/check.
DIFF_OUT := $(B)/tests/diff
$(DIFF_OUT)/gen: tests/diff/gen.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_ALL_CFLAGS) -o $@ $<
$(DIFF_OUT)/harness.o: tests/diff/harness.S include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) -march=m5100 -mnan=2008 -mfp64 -mhard-float -EL -G0 -fno-pic -mno-abicalls \
	    -Wa,-mno-fix-loongson3-llsc -Iinclude -c -o $@ $<
TEST_DEPS += $(DIFF_OUT)/gen $(DIFF_OUT)/harness.o
FUZZ_DEPS += $(DIFF_OUT)/gen $(DIFF_OUT)/harness.o
# The microMIPS variant (DIFF_ISA=mm, tests/diff/README.md): no FPU, the
# exception handler steps over 16/32-bit instructions.
$(DIFF_OUT)/harness-mm.o: tests/diff/harness.S include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) -march=m5101 -mnan=2008 -EL -G0 -fno-pic -mno-abicalls -DDIFF_MM \
	    -Wa,-mno-fix-loongson3-llsc -Iinclude -c -o $@ $<
TEST_DEPS += $(DIFF_OUT)/harness-mm.o
FUZZ_DEPS += $(DIFF_OUT)/harness-mm.o
