# Read after the top Makefile (bench/rules.mk runs it in a sub-make:
# make -f Makefile -f bench/images.mk bench-images-all). Benchmark guests
# built like guests/ (the example runtime, the bare board's map) with their
# measured code in `.hot` above the hypervisor's flash (bench/rt/hot.ld),
# and one tinyVP image per system description bench/DIR/NAME.yaml
# ($(B)/bench-DIR-NAME/tinyvp.hex).
BENCH_GB := $(BENCH_B)/guests
BENCH_GUESTS := probe=bench/hv/probe.c+bench/hv/hot.S tlbwalk=bench/hv/tlbwalk.c+bench/hv/tlbhot.S \
                spin=bench/sched/spin.c+bench/sched/spinhot.S \
                hostile=bench/sched/hostile.c+bench/sched/spinhot.S
bench_gname = $(firstword $(subst =, ,$(1)))
bench_gsrcs = $(subst +, ,$(lastword $(subst =, ,$(1))))
bench_gobj  = $(patsubst bench/%,$(BENCH_GB)/%.o,$(basename $(1)))
define bench_guest
$(BENCH_GB)/$(call bench_gname,$(1)).elf: $(call bench_gobj,$(call bench_gsrcs,$(1))) \
        $$(GUEST_RT_FIXED) $$(GUEST_RT_LIB) guests/rt/guest.ld bench/rt/hot.ld
	$$(TCC) $$(GUEST_CFLAGS) $$(TARGET_LDFLAGS) -T bench/rt/hot.ld -Wl,--gc-sections -o $$@ \
	    $$(GUEST_RT_FIXED) $(call bench_gobj,$(call bench_gsrcs,$(1))) $$(GUEST_RT_LIB) \
	    $$(GUEST_LIBGCC) 2>$$@.log; rc=$$$$?; grep -v 'abicalls' $$@.log >&2; rm -f $$@.log; exit $$$$rc
endef
$(foreach g,$(BENCH_GUESTS),$(eval $(call bench_guest,$(g))))
$(BENCH_GB)/%.o: bench/%.c $(GUEST_HDRS) include/tinyvp/hypercall.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
$(BENCH_GB)/%.o: bench/%.S | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
BENCH_GUEST_ELFS := $(foreach g,$(BENCH_GUESTS),$(BENCH_GB)/$(call bench_gname,$(g)).elf)
HV_GUEST_IMAGES += $(BENCH_GUEST_ELFS)
# (read after the top Makefile named its images: these too, before vpconf)
hv-guest-images: $(BENCH_GUEST_ELFS)

BENCH_CONFIGS := $(wildcard bench/*/*.yaml)
bench_cfg = bench-$(subst /,-,$(patsubst bench/%.yaml,%,$(1)))
$(foreach c,$(BENCH_CONFIGS),$(eval $(call hv_image,$(call bench_cfg,$(c)),$(c),$(BENCH_GB))))
# bench/hv's systems also with the hypervisor in the other ISA (hv/rules.mk,
# HV_ISA): $(B)/bench-hv-<name>-mm (microMIPS), or -m32 when microMIPS is the default
BENCH_ALT_ISA := $(if $(filter micromips,$(HV_ISA)),mips32,micromips)
BENCH_ALT_SFX := $(if $(filter micromips,$(HV_ISA)),m32,mm)
BENCH_ALT_CONFIGS := $(wildcard bench/hv/*.yaml)
$(foreach c,$(BENCH_ALT_CONFIGS),$(eval $(call hv_image,$(call bench_cfg,$(c))-$(BENCH_ALT_SFX),$(c),$(BENCH_GB),,$(BENCH_ALT_ISA))))
bench-images-all: $(BENCH_GUEST_ELFS) $(foreach c,$(BENCH_CONFIGS),$(B)/$(call bench_cfg,$(c))/tinyvp.hex) \
                  $(foreach c,$(BENCH_ALT_CONFIGS),$(B)/$(call bench_cfg,$(c))-$(BENCH_ALT_SFX)/tinyvp.hex)
.PHONY: bench-images-all
