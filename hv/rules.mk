# tinyVP hypervisor (hv/): one image per system description.
#   make                 -> $(B)/<config>/tinyvp.elf and tinyvp.hex for configs/*.yaml
#   make run             -> boots configs/wifire-3guests.yaml in vpsim (console on the terminal)
# $(call hv_image,NAME,YAML,IMAGE_DIRS) makes the rules for one system; the
# test suites use it for their own configurations.
HV_SRCS := $(sort $(wildcard hv/arch/mips/*.c hv/arch/mips/*.S hv/core/*.c \
                             hv/board/pic32mz/*.c hv/board/pic32mz/*.S)) $(TLIB_SRCS)
HV_HDRS := $(wildcard hv/*/*.h hv/*/*/*.h) include/mips/mipsregs.h include/tinyvp/config.h \
           include/tinyvp/hypercall.h \
           $(TLIB_HDRS) $(CHIP_H)
HV_CFLAGS = $(TARGET_CFLAGS) -mvirt -msoft-float -Os -std=c11 -Werror -fno-common \
            -ffunction-sections -fdata-sections -DTLIB_SMALL
HV_LDFLAGS = $(TARGET_LDFLAGS) -Wl,--gc-sections -T hv/arch/mips/tinyvp.ld
# Where vpconf finds the guest images the configs name: the example guests
# first, then the stand-ins of tests/conf. Their make variables are read at
# build time (secondary expansion: those rules.mk are included after this one).
HV_IMAGE_DIRS = $(B)/guests $(B)/tests/conf/img
HV_GUEST_IMAGES = $(GUEST_ELFS) $(GUESTS_ELFS) $(CONF_TEST_ELFS)
.SECONDEXPANSION:

define hv_image
HV_IMAGES += $(B)/$(1)/tinyvp.elf $(B)/$(1)/tinyvp.hex
$(B)/$(1)/gen/tinyvp_config.c: $(2) $(B)/bin/vpconf $$$$(HV_GUEST_IMAGES) | $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$(B)/bin/vpconf $(2) $(foreach d,$(3) $(HV_IMAGE_DIRS),-L $(d)) -o $(B)/$(1)/gen
$(B)/$(1)/gen/guests.S $(B)/$(1)/gen/tinyvp_limits.h: $(B)/$(1)/gen/tinyvp_config.c
	@true
$(B)/$(1)/obj/%.o: %.c $(HV_HDRS) $(B)/$(1)/gen/tinyvp_config.c
	@mkdir -p $$(dir $$@)
	$(TCC) $(HV_CFLAGS) -I$(B)/$(1)/gen -c -o $$@ $$<
$(B)/$(1)/obj/%.o: %.S $(HV_HDRS) $(B)/$(1)/gen/tinyvp_config.c
	@mkdir -p $$(dir $$@)
	$(TCC) $(HV_CFLAGS) -I$(B)/$(1)/gen -c -o $$@ $$<
$(B)/$(1)/obj/config.o: $(B)/$(1)/gen/tinyvp_config.c
	@mkdir -p $$(dir $$@)
	$(TCC) $(HV_CFLAGS) -I$(B)/$(1)/gen -c -o $$@ $$<
$(B)/$(1)/obj/guests.o: $(B)/$(1)/gen/guests.S
	@mkdir -p $$(dir $$@)
	$(TCC) $(HV_CFLAGS) -Wa,-I,$(B)/$(1)/gen -c -o $$@ $$<
$(B)/$(1)/tinyvp.elf: $(patsubst %,$(B)/$(1)/obj/%.o,$(basename $(HV_SRCS))) \
                      $(B)/$(1)/obj/config.o $(B)/$(1)/obj/guests.o hv/arch/mips/tinyvp.ld
	$(TCC) $(HV_CFLAGS) $(HV_LDFLAGS) -L $(B)/$(1)/gen -o $$@ \
	    $(patsubst %,$(B)/$(1)/obj/%.o,$(basename $(HV_SRCS))) $(B)/$(1)/obj/config.o \
	    $(B)/$(1)/obj/guests.o
$(B)/$(1)/tinyvp.hex: $(B)/$(1)/tinyvp.elf
	$(TOBJCOPY) -O ihex $$< $$@
endef

HV_CONFIGS := $(basename $(notdir $(wildcard configs/*.yaml)))
$(foreach c,$(HV_CONFIGS),$(eval $(call hv_image,$(c),configs/$(c).yaml,)))
TOOLS += $(foreach c,$(HV_CONFIGS),$(B)/$(c)/tinyvp.elf $(B)/$(c)/tinyvp.hex)

RUN_DEPS := $(B)/wifire-3guests/tinyvp.hex
RUN_CMD = $(B)/bin/vpsim --leds $(B)/wifire-3guests/tinyvp.hex
