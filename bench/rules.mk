# Benchmarks (make bench). Simulator speed: a C workload and a tight ALU
# loop, each run in vpsim (root mode and, under a minimal monitor, guest
# mode) and in qemu-system-mipsel on the same ELF.
BENCH_B := $(B)/bench
# guest mode: the 1:1 monitor of tests/vz (mon11k: enters a tests/lib program)
BENCH_SIM_ELFS := $(BENCH_B)/workload.elf $(BENCH_B)/alu.elf $(B)/tests/vz/mon11k.elf
BENCH_DEPS += $(BENCH_SIM_ELFS)

$(BENCH_B)/workload.o: bench/sim/workload.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -Itests/lib -c -o $@ $<
$(BENCH_B)/alu.o $(BENCH_B)/idle.o: $(BENCH_B)/%.o: bench/sim/%.S $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -c -o $@ $<
BENCH_DEPS += $(BENCH_B)/idle.elf
$(BENCH_B)/alu.elf $(BENCH_B)/idle.elf: $(BENCH_B)/%.elf: $(BENCH_B)/%.o \
		$(B)/tests/lib/crt0.o $(B)/tests/lib/test.o tests/lib/test.ld
	@$(call TEST_LINK,$@,$<)
# The workload with its data on pages of their own (pagedata.ld:
# tests/lib/test.ld with .data page-aligned). In the ordinary layout .data
# and .bss start right behind .text, in the page holding main; QEMU's TCG
# takes every store to a page holding translated code through its
# self-modifying-code path (the page's translations checked and dropped),
# which makes it some ten times slower than its own speed on this program.
# vpsim tracks code per 256 bytes and runs both layouts alike; the ordinary
# one is measured too (workload-samepage.elf).
$(BENCH_B)/pagedata.ld: tests/lib/test.ld
	@mkdir -p $(dir $@)
	sed 's/^\( *\.data\) : {/\1 ALIGN(4096) : {/' $< >$@.tmp
	grep -q 'ALIGN(4096)' $@.tmp && mv $@.tmp $@
$(BENCH_B)/workload.elf: $(BENCH_B)/workload.o $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o \
		$(BENCH_B)/pagedata.ld
	@$(subst tests/lib/test.ld,$(BENCH_B)/pagedata.ld,$(call TEST_LINK,$@,$<))
$(BENCH_B)/workload-samepage.elf: $(BENCH_B)/workload.o $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o \
		tests/lib/test.ld
	@$(call TEST_LINK,$@,$<)
BENCH_DEPS += $(BENCH_B)/workload-samepage.elf
# the same workload built microMIPS (-mmicromips; the runtime stays MIPS32,
# calls between them go through JALX)
$(BENCH_B)/workload-mm.o: bench/sim/workload.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -mmicromips -minterlink-compressed -O2 -Itests/lib -c -o $@ $<
$(BENCH_B)/workload-mm.elf: $(BENCH_B)/workload-mm.o $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o \
		tests/lib/test.ld
	@$(call TEST_LINK,$@,$<)
BENCH_DEPS += $(BENCH_B)/workload-mm.elf
$(BENCH_B)/empty.o: bench/sim/workload.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -DROUNDS=0 -Itests/lib -c -o $@ $<
$(BENCH_B)/empty.elf: $(BENCH_B)/empty.o $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o tests/lib/test.ld
	@$(call TEST_LINK,$@,$<)
BENCH_DEPS += $(BENCH_B)/empty.elf
# code run from kuseg through the TLB (tests/fastsim/tlbrun.c, 100 M instructions)
$(BENCH_B)/tlbrun.o: tests/fastsim/tlbrun.c tests/soc/soc_test.h tests/lib/test.h $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -DROUNDS=155000 -c -o $@ $<
$(BENCH_B)/tlbrun.elf: $(BENCH_B)/tlbrun.o $(B)/tests/fastsim/tlbcode.o $(B)/tests/soc/soc_rt.o \
		$(B)/tests/lib/crt0.o $(B)/tests/lib/test.o tests/lib/test.ld
	@$(call TEST_LINK,$@,$(B)/tests/soc/soc_rt.o $(B)/tests/fastsim/tlbcode.o $<)
BENCH_DEPS += $(BENCH_B)/tlbrun.elf


# Hypervisor costs, guest slowdown, window timing (bench/hv, bench/slowdown,
# bench/sched): benchmark guests and tinyVP images of bench/*/*.yaml, made by
# bench/images.mk in a sub-make (so that an ordinary `make` or `make test`
# neither reads nor builds the benchmark systems).
BENCH_DEPS += bench-images
# bench/footprint: the example systems with the hypervisor built each way
BENCH_DEPS += $(HV_ISA_PAIR_ELFS)
# bench/bounded: the hostile-suite and bounded-suite systems
BENCH_DEPS += $(filter $(B)/hostile-% $(B)/bounded-%,$(TEST_DEPS))
# bench/rtos: the RTOS-style firmware system of tests/fw
BENCH_DEPS += $(B)/fw-rtos-mv/tinyvp.hex
.PHONY: bench-images
bench-images: tools
	@$(MAKE) --no-print-directory -f Makefile -f bench/images.mk bench-images-all
