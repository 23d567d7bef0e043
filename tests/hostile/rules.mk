# Hostile-guest tests (tests/hostile/run): an attacker beside a well-behaved
# partition, one configuration per attack:policy (the YAML is made from
# template.yaml), and the fault storms (storm.yaml: a victim's windows and
# console under an attacker that faults as fast as it can). The guests use
# the example runtime (guests/rt).
HOSTILE_B := $(B)/tests/hostile
HOSTILE_CASES := ram:stop hvram:restart device:reflect flash:stop fetch:stop mfgc0:reflect \
                 rdpgpr:stop undef:restart fpu:stop \
                 sdbbp:stop sdbbp:restart sdbbp:reflect uhi:restart
HOSTILE_STORMS := restart reflect
HOSTILE_ATTACKS := $(sort $(foreach c,$(HOSTILE_CASES),$(word 1,$(subst :, ,$(c)))) storm)
HOSTILE_OBJS := $(HOSTILE_ATTACKS:%=$(HOSTILE_B)/hostile-%.o)

$(HOSTILE_B)/tick.o $(HOSTILE_B)/victim.o $(HOSTILE_B)/dmaevil.o $(HOSTILE_B)/dmavictim.o $(HOSTILE_B)/dmaex.o: $(HOSTILE_B)/%.o: tests/hostile/%.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
# one object per attack (a static pattern: no other name matches it)
$(HOSTILE_OBJS): $(HOSTILE_B)/hostile-%.o: tests/hostile/hostile.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -DATTACK_$* -c -o $@ $<
$(HOSTILE_OBJS:.o=.elf) $(HOSTILE_B)/tick.elf $(HOSTILE_B)/victim.elf $(HOSTILE_B)/dmaevil.elf $(HOSTILE_B)/dmavictim.elf $(HOSTILE_B)/dmaex.elf: %.elf: %.o $(GUEST_RT_FIXED) $(GUEST_RT_LIB) guests/rt/guest.ld
	$(TCC) $(GUEST_CFLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -o $@ \
	    $(GUEST_RT_FIXED) $< $(GUEST_RT_LIB) $(GUEST_LIBGCC) 2>$@.log; rc=$$?; \
	    grep -v 'abicalls' $@.log >&2; rm -f $@.log; exit $$rc
.SECONDARY: $(HOSTILE_OBJS) $(HOSTILE_B)/tick.o $(HOSTILE_B)/victim.o $(HOSTILE_B)/dmaevil.o $(HOSTILE_B)/dmavictim.o $(HOSTILE_B)/dmaex.o

# $(call hostile_case,attack,policy)
define hostile_case
$(HOSTILE_B)/$(1)-$(2).yaml: tests/hostile/template.yaml tests/hostile/rules.mk
	@mkdir -p $$(dir $$@)
	sed -e 's/ATTACK/$(1)/; s/POLICY/$(2)/; s/FPU/$(if $(filter fpu,$(1)),fpu: false,fpu: true)/' $$< >$$@
$(call hv_image,hostile-$(1)-$(2),$(HOSTILE_B)/$(1)-$(2).yaml,$(HOSTILE_B))
TEST_DEPS += $(B)/hostile-$(1)-$(2)/tinyvp.hex
endef
$(foreach c,$(HOSTILE_CASES),$(eval $(call hostile_case,$(word 1,$(subst :, ,$(c))),$(word 2,$(subst :, ,$(c))))))

# $(call hostile_storm,policy)
define hostile_storm
$(HOSTILE_B)/storm-$(1).yaml: tests/hostile/storm.yaml tests/hostile/rules.mk
	@mkdir -p $$(dir $$@)
	sed -e 's/POLICY/$(1)/' $$< >$$@
$(call hv_image,hostile-storm-$(1),$(HOSTILE_B)/storm-$(1).yaml,$(HOSTILE_B))
TEST_DEPS += $(B)/hostile-storm-$(1)/tinyvp.hex
endef
$(foreach p,$(HOSTILE_STORMS),$(eval $(call hostile_storm,$(p))))
HV_GUEST_IMAGES += $(HOSTILE_OBJS:.o=.elf) $(HOSTILE_B)/tick.elf $(HOSTILE_B)/victim.elf \
                   $(HOSTILE_B)/dmaevil.elf $(HOSTILE_B)/dmavictim.elf $(HOSTILE_B)/dmaex.elf

# DMA aimed at the neighbour, the hypervisor, the bus protection (dma.yaml)
$(eval $(call hv_image,hostile-dma,tests/hostile/dma.yaml,$(HOSTILE_B)))
TEST_DEPS += $(B)/hostile-dma/tinyvp.hex
# the same with the DMA exclusive (group 1): the bus protection blocks it (sbp.yaml)
$(eval $(call hv_image,hostile-sbp,tests/hostile/sbp.yaml,$(HOSTILE_B)))
TEST_DEPS += $(B)/hostile-sbp/tinyvp.hex

# The attack matrix: one attacker image holding every attack (chosen at
# run time through a word of its flash the test overwrites), the
# bystander, and one hypervisor image per policy (matrix.yaml).
HOSTILE_POLICIES := stop restart reflect
$(HOSTILE_B)/attacker.o $(HOSTILE_B)/bystander.o: $(HOSTILE_B)/%.o: tests/hostile/%.c $(GUEST_HDRS) include/tinyvp/hypercall.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
$(HOSTILE_B)/attacker.elf $(HOSTILE_B)/bystander.elf: %.elf: %.o $(GUEST_RT_FIXED) $(GUEST_RT_LIB) guests/rt/guest.ld
	$(TCC) $(GUEST_CFLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -o $@ \
	    $(GUEST_RT_FIXED) $< $(GUEST_RT_LIB) $(GUEST_LIBGCC) 2>$@.log; rc=$$?; \
	    grep -v 'abicalls' $@.log >&2; rm -f $@.log; exit $$rc
.SECONDARY: $(HOSTILE_B)/attacker.o $(HOSTILE_B)/bystander.o
# $(call hostile_matrix,policy)
define hostile_matrix
$(HOSTILE_B)/matrix-$(1).yaml: tests/hostile/matrix.yaml tests/hostile/rules.mk
	@mkdir -p $$(dir $$@)
	sed -e 's/POLICY/$(1)/' $$< >$$@
$(call hv_image,hostile-matrix-$(1),$(HOSTILE_B)/matrix-$(1).yaml,$(HOSTILE_B))
TEST_DEPS += $(B)/hostile-matrix-$(1)/tinyvp.hex
endef
$(foreach p,$(HOSTILE_POLICIES),$(eval $(call hostile_matrix,$(p))))
HV_GUEST_IMAGES += $(HOSTILE_B)/attacker.elf $(HOSTILE_B)/bystander.elf
