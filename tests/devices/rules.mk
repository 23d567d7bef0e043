# Device-range tests (tests/devices/run): every device of vpconf's library
# a guest can own is read word by word by its owner (sweep.yaml), and a bus
# error forced into a forwarded access (vpsim --bus-error) is contained
# (buserr-*.yaml). ranges.h is generated from `vpconf --devices`, so a
# device or range added to the library is swept as it is.
DEVT_B := $(B)/tests/devices

$(DEVT_B)/ranges.h: $(B)/bin/vpconf tests/devices/rules.mk
	@mkdir -p $(dir $@)
	$(B)/bin/vpconf --devices | awk -F'|' ' \
	    $$3 ~ /0x/ { n = $$2; gsub(/ /, "", n); c = split($$3, r, ","); \
	                 for (i = 1; i <= c; i++) { split(r[i], p, "+"); gsub(/ /, "", p[1]); gsub(/ /, "", p[2]); \
	                     printf "SWEEP_RANGE(\"%s\", %su, %su)\n", n, p[1], p[2] } }' >$@.tmp
	mv $@.tmp $@

$(DEVT_B)/sweep-%.o: tests/devices/sweep.c $(DEVT_B)/ranges.h $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -I$(DEVT_B) -DSWEEP_SET=$* -c -o $@ $<
$(DEVT_B)/poke.o $(DEVT_B)/usbdma.o: $(DEVT_B)/%.o: tests/devices/%.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
$(DEVT_B)/usbevil.o: tests/devices/usbdma.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -DUSB_HOSTILE -c -o $@ $<
DEVT_ELFS := $(foreach n,1 2 3 4 5,$(DEVT_B)/sweep-$(n).elf) $(DEVT_B)/poke.elf \
             $(DEVT_B)/usbdma.elf $(DEVT_B)/usbevil.elf
$(DEVT_ELFS): %.elf: %.o $(GUEST_RT_FIXED) $(GUEST_RT_LIB) guests/rt/guest.ld
	$(TCC) $(GUEST_CFLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -o $@ \
	    $(GUEST_RT_FIXED) $< $(GUEST_RT_LIB) $(GUEST_LIBGCC) 2>$@.log; rc=$$?; \
	    grep -v 'abicalls' $@.log >&2; rm -f $@.log; exit $$rc
.SECONDARY: $(DEVT_ELFS:.elf=.o)
HV_GUEST_IMAGES += $(DEVT_ELFS)
TEST_DEPS += $(DEVT_ELFS)

# the neighbour in every system is tests/hostile/tick.c
$(eval $(call hv_image,devices-sweep,tests/devices/sweep.yaml,$(DEVT_B) $(B)/tests/hostile))
TEST_DEPS += $(B)/devices-sweep/tinyvp.hex
# the forced bus error, under the stop and reflect policies
define devt_buserr
$(DEVT_B)/buserr-$(1).yaml: tests/devices/buserr.yaml tests/devices/rules.mk
	@mkdir -p $$(dir $$@)
	sed -e 's/POLICY/$(1)/' $$< >$$@
$(call hv_image,devices-buserr-$(1),$(DEVT_B)/buserr-$(1).yaml,$(DEVT_B) $(B)/tests/hostile)
TEST_DEPS += $(B)/devices-buserr-$(1)/tinyvp.hex
endef
$(foreach p,stop reflect,$(eval $(call devt_buserr,$(p))))

# USB DMA with the corrector: the firmware (usbdma, on_fault stop) and the
# hostile one (usbevil) under stop and reflect
define devt_usb
$(DEVT_B)/usb-$(1)-$(2).yaml: tests/devices/usb.yaml tests/devices/rules.mk
	@mkdir -p $$(dir $$@)
	sed -e 's/USBIMG/$(1)/; s/POLICY/$(2)/' $$< >$$@
$(call hv_image,devices-usb-$(1)-$(2),$(DEVT_B)/usb-$(1)-$(2).yaml,$(DEVT_B) $(B)/tests/hostile)
TEST_DEPS += $(B)/devices-usb-$(1)-$(2)/tinyvp.hex
endef
$(eval $(call devt_usb,usbdma,stop))
$(eval $(call devt_usb,usbevil,stop))
$(eval $(call devt_usb,usbevil,reflect))
