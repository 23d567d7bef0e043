# System tests (tests/system/run): whole configurations under vpsim.
SYS_CONFIGS := $(basename $(notdir $(wildcard tests/system/*.yaml)))
$(foreach c,$(SYS_CONFIGS),$(eval $(call hv_image,sys-$(c),tests/system/$(c).yaml,$(B)/tests/system)))
TEST_DEPS += $(foreach c,$(SYS_CONFIGS),$(B)/sys-$(c)/tinyvp.hex)

# Test guests, built like guests/ (the example runtime) for the bare board;
# they also run as partitions (vpconf finds them in $(B)/tests/system).
SYS_GUESTS := $(basename $(notdir $(wildcard tests/system/*.c)))
# extra objects a test guest links (the channel library for the channel test)
SYS_OBJS_chan_a := $(GUEST_CHANNEL_OBJ)
SYS_OBJS_chan_b := $(GUEST_CHANNEL_OBJ)
# microMIPS test guests (linked with the MIPS32 runtime: mixed, JALX between)
SYS_CFLAGS_dslotmm := -mmicromips -minterlink-compressed
# the example guests' microMIPS builds (mm4.yaml names them)
HV_GUEST_IMAGES += $(GUEST_MM_ELFS)
define sys_guest
$(B)/tests/system/$(1).o: tests/system/$(1).c $$(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$$(TCC) $$(GUEST_CFLAGS) $(SYS_CFLAGS_$(1)) -c -o $$@ $$<
$(B)/tests/system/$(1).elf: $(B)/tests/system/$(1).o $(SYS_OBJS_$(1)) $$(GUEST_RT_FIXED) $$(GUEST_RT_LIB) guests/rt/guest.ld
	$$(TCC) $$(GUEST_CFLAGS) $$(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -o $$@ \
	    $$(GUEST_RT_FIXED) $$< $(SYS_OBJS_$(1)) $$(GUEST_RT_LIB) $$(GUEST_LIBGCC) 2>$$@.log; rc=$$$$?; \
	    grep -v 'abicalls' $$@.log >&2; rm -f $$@.log; exit $$$$rc
endef
$(foreach g,$(SYS_GUESTS),$(eval $(call sys_guest,$(g))))
SYS_GUEST_ELFS := $(SYS_GUESTS:%=$(B)/tests/system/%.elf)
HV_GUEST_IMAGES += $(SYS_GUEST_ELFS)
TEST_DEPS += $(SYS_GUEST_ELFS)
