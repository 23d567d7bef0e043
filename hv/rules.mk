# tinyVP hypervisor (hv/): one image per system description.
#   make                 -> $(B)/<config>/tinyvp.elf and tinyvp.hex for configs/*.yaml
#   make run             -> boots configs/wifire-3guests.yaml in vpsim (console on the terminal)
# $(call hv_image,NAME,YAML,IMAGE_DIRS[,user]) makes the rules for one
# system; the test suites use it for their own configurations, the top
# Makefile for SYSTEM=. vpconf writes a dependency file beside the tables,
# so a system is rebuilt when its YAML or any image it names changes.
HV_SRCS := $(sort $(wildcard hv/arch/mips/*.c hv/arch/mips/*.S hv/core/*.c \
                             hv/board/pic32mz/*.c hv/board/pic32mz/*.S)) $(TLIB_SRCS)
HV_CFLAGS = $(TARGET_CFLAGS) -DTINYVP_VERSION='"$(VERSION)"' -mvirt -msoft-float -Os -std=c11 $(WERROR_FLAG) -fno-common \
            -ffunction-sections -fdata-sections -DTLIB_SMALL
HV_LDFLAGS = $(TARGET_LDFLAGS) -Wl,--gc-sections -T hv/arch/mips/tinyvp.ld
# Where vpconf finds the guest images the project's own systems name: the
# example guests first, then the stand-ins of tests/conf. A user's system
# (4th argument "user") looks only next to its YAML and in IMAGE_DIRS.
HV_IMAGE_DIRS = $(B)/guests $(B)/tests/conf/img

define hv_image
HV_IMAGES += $(B)/$(1)/tinyvp.elf $(B)/$(1)/tinyvp.hex
$(B)/$(1)/gen/tinyvp_config.c: $(2) $(B)/bin/vpconf | $(DEPS_STAMP) $(if $(4),,hv-guest-images)
	@mkdir -p $$(dir $$@)
	$(B)/bin/vpconf $(2) $(foreach d,$(3) $(if $(4),,$(HV_IMAGE_DIRS)),-L $(d)) -o $(B)/$(1)/gen \
	    --depfile $(B)/$(1)/gen/tinyvp_config.d --dep-target $(B)/$(1)/gen/tinyvp_config.c
$(B)/$(1)/gen/guests.S $(B)/$(1)/gen/tinyvp_limits.h: $(B)/$(1)/gen/tinyvp_config.c
	@true
$(B)/$(1)/obj/%.o: %.c VERSION | $(B)/$(1)/gen/tinyvp_config.c $(CHIP_H)
	@mkdir -p $$(dir $$@)
	$(TCC) $(HV_CFLAGS) -I$(B)/$(1)/gen -c -o $$@ $$<
$(B)/$(1)/obj/%.o: %.S | $(B)/$(1)/gen/tinyvp_config.c $(CHIP_H)
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
