# Bounded exits (tests/bounded/run): every hypercall at its largest timed
# to end at a window boundary (hcedge), and the LL-bit detour stub's page
# touched outside the detour (llstub, READ and FETCH), each beside a victim
# whose windows must start on time. The guests use the example runtime.
BOUNDED_B := $(B)/tests/bounded
BOUNDED_ELFS := $(BOUNDED_B)/victim.elf $(BOUNDED_B)/hcedge.elf \
                $(BOUNDED_B)/llstub-READ.elf $(BOUNDED_B)/llstub-FETCH.elf

$(BOUNDED_B)/victim.o $(BOUNDED_B)/hcedge.o: $(BOUNDED_B)/%.o: tests/bounded/%.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
$(BOUNDED_B)/llstub-READ.o $(BOUNDED_B)/llstub-FETCH.o: $(BOUNDED_B)/llstub-%.o: tests/bounded/llstub.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -D$* -c -o $@ $<
$(BOUNDED_ELFS): %.elf: %.o $(GUEST_RT_FIXED) $(GUEST_RT_LIB) guests/rt/guest.ld
	$(TCC) $(GUEST_CFLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -o $@ \
	    $(GUEST_RT_FIXED) $< $(GUEST_RT_LIB) $(GUEST_LIBGCC) 2>$@.log; rc=$$?; \
	    grep -v 'abicalls' $@.log >&2; rm -f $@.log; exit $$rc
.SECONDARY: $(BOUNDED_ELFS:.elf=.o)
HV_GUEST_IMAGES += $(BOUNDED_ELFS)

$(eval $(call hv_image,bounded-hcedge,tests/bounded/hcedge.yaml,$(BOUNDED_B)))
TEST_DEPS += $(B)/bounded-hcedge/tinyvp.hex
# $(call bounded_llstub,HOW)
define bounded_llstub
$(BOUNDED_B)/llstub-$(1).yaml: tests/bounded/llstub.yaml tests/bounded/rules.mk
	@mkdir -p $$(dir $$@)
	sed -e 's/HOW/$(1)/' $$< >$$@
$(call hv_image,bounded-llstub-$(1),$(BOUNDED_B)/llstub-$(1).yaml,$(BOUNDED_B))
TEST_DEPS += $(B)/bounded-llstub-$(1)/tinyvp.hex
endef
$(foreach h,READ FETCH,$(eval $(call bounded_llstub,$(h))))
