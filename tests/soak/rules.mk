# Soak tests (tests/soak/run): long runs across Count wraps.
SOAK_CONFIGS := $(basename $(notdir $(wildcard tests/soak/*.yaml)))
$(foreach c,$(SOAK_CONFIGS),$(eval $(call hv_image,soak-$(c),tests/soak/$(c).yaml,$(B)/tests/soak)))
TEST_DEPS += $(foreach c,$(SOAK_CONFIGS),$(B)/soak-$(c)/tinyvp.hex)

# Test guests, built like guests/ (the example runtime) for the bare board;
# they also run as partitions (vpconf finds them in $(B)/tests/soak).
SOAK_GUESTS := $(basename $(notdir $(wildcard tests/soak/*.c)))
define soak_guest
$(B)/tests/soak/$(1).o: tests/soak/$(1).c tests/soak/soak.h $$(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$$(TCC) $$(GUEST_CFLAGS) -c -o $$@ $$<
$(B)/tests/soak/$(1).elf: $(B)/tests/soak/$(1).o $$(GUEST_RT_FIXED) $$(GUEST_RT_LIB) guests/rt/guest.ld
	$$(TCC) $$(GUEST_CFLAGS) $$(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -o $$@ \
	    $$(GUEST_RT_FIXED) $$< $$(GUEST_RT_LIB) $$(GUEST_LIBGCC) 2>$$@.log; rc=$$$$?; \
	    grep -v 'abicalls' $$@.log >&2; rm -f $$@.log; exit $$$$rc
endef
$(foreach g,$(SOAK_GUESTS),$(eval $(call soak_guest,$(g))))
SOAK_GUEST_ELFS := $(SOAK_GUESTS:%=$(B)/tests/soak/%.elf)
HV_GUEST_IMAGES += $(SOAK_GUEST_ELFS)
TEST_DEPS += $(SOAK_GUEST_ELFS)
