# Health-monitor tests (tests/health/run): the hostile attacker with an
# action per error kind (kinds.yaml, two action maps: every kind `log`,
# and a mix), and hmguest (reset.yaml: the devices a restart resets, its
# RCON, the restart budget, the watchdog's `log`, the shell's `faults`).
# Three hypervisor images for every case: the attack or mode is chosen at
# run time, as in the hostile matrix.
HEALTH_B := $(B)/tests/health
$(HEALTH_B)/hmguest.o: tests/health/hmguest.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
# its own DEVCFG words (an 8 ms watchdog): the runtime's crt0 without its devcfg.o
$(HEALTH_B)/hmguest.elf: $(HEALTH_B)/hmguest.o $(GUEST_RT_FIXED) $(GUEST_RT_LIB) guests/rt/guest.ld
	$(TCC) $(GUEST_CFLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -o $@ \
	    $(filter-out %/devcfg.o,$(GUEST_RT_FIXED)) $< $(GUEST_RT_LIB) $(GUEST_LIBGCC) 2>$@.log; rc=$$?; \
	    grep -v 'abicalls' $@.log >&2; rm -f $@.log; exit $$rc
.SECONDARY: $(HEALTH_B)/hmguest.o
HV_GUEST_IMAGES += $(HEALTH_B)/hmguest.elf

$(HEALTH_B)/kinds-log.yaml: tests/health/kinds.yaml tests/health/rules.mk
	@mkdir -p $(dir $@)
	sed -e 's/FPU/fpu: false/; s/ONFAULT/on_fault: stop/' \
	    -e 's/HEALTH/{ memory: log, illegal: log, fpu: log, bus: log, watchdog: log, dma: log, debug: log }/' $< >$@
$(HEALTH_B)/kinds-mixed.yaml: tests/health/kinds.yaml tests/health/rules.mk
	@mkdir -p $(dir $@)
	sed -e 's/FPU/fpu: true/; s/ONFAULT/on_fault: log/' \
	    -e 's/HEALTH/{ memory: stop, illegal: reflect, bus: restart, dma: reflect, debug: restart }/' $< >$@
$(HEALTH_B)/kinds-fpu.yaml: tests/health/kinds.yaml tests/health/rules.mk
	@mkdir -p $(dir $@)
	sed -e 's/FPU/fpu: false/; s/ONFAULT/on_fault: log/' \
	    -e 's/HEALTH/{ fpu: restart, max_restarts: 2, within: 500ms }/' $< >$@
# the images find attacker.elf and bystander.elf next to the hostile suite's
$(eval $(call hv_image,health-kinds-log,$(HEALTH_B)/kinds-log.yaml,$(B)/tests/hostile))
$(eval $(call hv_image,health-kinds-mixed,$(HEALTH_B)/kinds-mixed.yaml,$(B)/tests/hostile))
$(eval $(call hv_image,health-kinds-fpu,$(HEALTH_B)/kinds-fpu.yaml,$(B)/tests/hostile))
$(eval $(call hv_image,health-reset,tests/health/reset.yaml,$(HEALTH_B) $(B)/tests/hostile))
TEST_DEPS += $(B)/health-kinds-log/tinyvp.hex $(B)/health-kinds-fpu/tinyvp.hex $(B)/health-kinds-mixed/tinyvp.hex $(B)/health-reset/tinyvp.hex
