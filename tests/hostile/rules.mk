# Hostile-guest tests (tests/hostile/run): an attacker beside a well-behaved
# partition, one configuration per attack:policy (the YAML is made from
# template.yaml). The guests use the example runtime (guests/rt).
HOSTILE_B := $(B)/tests/hostile
HOSTILE_CASES := ram:stop hvram:restart device:reflect flash:stop fetch:stop mfgc0:reflect \
                 rdpgpr:stop undef:restart fpu:stop
HOSTILE_ATTACKS := $(foreach c,$(HOSTILE_CASES),$(word 1,$(subst :, ,$(c))))

$(HOSTILE_B)/tick.o: tests/hostile/tick.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
$(HOSTILE_B)/hostile-%.o: tests/hostile/hostile.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -DATTACK_$* -c -o $@ $<
$(HOSTILE_B)/%.elf: $(HOSTILE_B)/%.o $(GUEST_RT_FIXED) $(GUEST_RT_LIB) guests/rt/guest.ld
	$(TCC) $(GUEST_CFLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -o $@ \
	    $(GUEST_RT_FIXED) $< $(GUEST_RT_LIB) $(GUEST_LIBGCC) 2>$@.log; rc=$$?; \
	    grep -v 'abicalls' $@.log >&2; rm -f $@.log; exit $$rc
.SECONDARY: $(HOSTILE_ATTACKS:%=$(HOSTILE_B)/hostile-%.o) $(HOSTILE_B)/tick.o

# $(call hostile_case,attack,policy)
define hostile_case
$(HOSTILE_B)/$(1).yaml: tests/hostile/template.yaml tests/hostile/rules.mk
	@mkdir -p $$(dir $$@)
	sed -e 's/ATTACK/$(1)/; s/POLICY/$(2)/; s/FPU/$(if $(filter fpu,$(1)),fpu: false,fpu: true)/' $$< >$$@
$(call hv_image,hostile-$(1),$(HOSTILE_B)/$(1).yaml,$(HOSTILE_B))
TEST_DEPS += $(B)/hostile-$(1)/tinyvp.hex
endef
$(foreach c,$(HOSTILE_CASES),$(eval $(call hostile_case,$(word 1,$(subst :, ,$(c))),$(word 2,$(subst :, ,$(c))))))
HV_GUEST_IMAGES += $(HOSTILE_ATTACKS:%=$(HOSTILE_B)/hostile-%.elf) $(HOSTILE_B)/tick.elf
