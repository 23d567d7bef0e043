# tinyVP hypervisor (hv/): one image per system description.
#   make                 -> $(B)/<config>/tinyvp.elf and tinyvp.hex for configs/*.yaml
#   make run             -> boots configs/wifire-3guests.yaml in vpsim (console on the terminal)
# $(call hv_image,NAME,YAML,IMAGE_DIRS[,user[,ISA]]) makes the rules for one
# system (ISA: mips32 or micromips for this image alone, else HV_ISA); the
# test suites use it for their own configurations, the top Makefile for
# SYSTEM=. vpconf writes a dependency file beside the tables,
# so a system is rebuilt when its YAML or any image it names changes.
HV_SRCS := $(sort $(wildcard hv/arch/mips/*.c hv/arch/mips/*.S hv/core/*.c \
                             hv/board/pic32mz/*.c hv/board/pic32mz/*.S hv/emu/pic32mz/*.c hv/emu/pic32mz/*.S)) $(TLIB_SRCS)
# HV_ISA selects the instruction set of the hypervisor's C code: mips32 or
# micromips (the vectors and the other assembly stay MIPS32: entry.S and
# friends are built with HV_ASFLAGS; GCC links the two with JALX,
# -minterlink-compressed). Default micromips: 26 % less code, exit costs
# within 2 % (docs/hypervisor.md); both are kept buildable and `make bench`
# measures both.
HV_ISA ?= micromips
HV_ISA_FLAGS_mips32 :=
HV_ISA_FLAGS_micromips := -mmicromips -minterlink-compressed
ifeq ($(filter mips32 micromips,$(HV_ISA)),)
$(error HV_ISA must be mips32 or micromips, not '$(HV_ISA)')
endif
HV_ASFLAGS = $(TARGET_CFLAGS) -DTINYVP_VERSION='"$(VERSION)"' -mvirt -msoft-float -Os -std=c11 $(WERROR_FLAG) -fno-common \
            -ffunction-sections -fdata-sections -DTLIB_SMALL -G 4096 -membedded-data
HV_CFLAGS = $(HV_ASFLAGS) $(HV_ISA_FLAGS_$(HV_ISA))
# HV_LTO: link-time optimisation of the C code (whole-program -Os), on by
# default: 1.2 KB less code (docs/hypervisor.md "Footprint"); HV_LTO= builds
# without. tlib/string.c stays out of it: GCC emits memset/memcpy calls
# after LTO placed symbols.
HV_LTO ?= -flto
hv_lto = $(if $(filter tlib/string.c,$(1)),,$(HV_LTO))
# The ISA the last build used: images of the default ISA are rebuilt when
# it changes (make HV_ISA=micromips, then make); every image when HV_LTO does.
HV_ISA_STAMP := $(B)/hv-isa
$(shell mkdir -p $(B) && { [ "$$(cat $(HV_ISA_STAMP) 2>/dev/null)" = "$(HV_ISA)" ] || echo $(HV_ISA) >$(HV_ISA_STAMP); })
HV_LTO_STAMP := $(B)/hv-lto
$(shell { [ "$$(cat $(HV_LTO_STAMP) 2>/dev/null)" = "lto:$(strip $(HV_LTO))" ] || echo "lto:$(strip $(HV_LTO))" >$(HV_LTO_STAMP); })
HV_LDFLAGS = $(TARGET_LDFLAGS) -Wl,--gc-sections -Wl,--enable-non-contiguous-regions -T hv/arch/mips/tinyvp.ld
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
$(B)/$(1)/obj/%.o: %.c VERSION $(if $(5),,$(HV_ISA_STAMP)) $(HV_LTO_STAMP) | $(B)/$(1)/gen/tinyvp_config.c $(CHIP_H)
	@mkdir -p $$(dir $$@)
	$(TCC) $(HV_ASFLAGS) $(HV_ISA_FLAGS_$(or $(5),$(HV_ISA))) $$(call hv_lto,$$<) -I$(B)/$(1)/gen -c -o $$@ $$<
$(B)/$(1)/obj/%.o: %.S | $(B)/$(1)/gen/tinyvp_config.c $(CHIP_H)
	@mkdir -p $$(dir $$@)
	$(TCC) $(HV_ASFLAGS) -I$(B)/$(1)/gen -c -o $$@ $$<
$(B)/$(1)/obj/config.o: $(B)/$(1)/gen/tinyvp_config.c
	@mkdir -p $$(dir $$@)
	$(TCC) $(HV_ASFLAGS) -I$(B)/$(1)/gen -c -o $$@ $$<
$(B)/$(1)/obj/guests.o: $(B)/$(1)/gen/guests.S
	@mkdir -p $$(dir $$@)
	$(TCC) $(HV_ASFLAGS) -Wa,-I,$(B)/$(1)/gen -c -o $$@ $$<
$(B)/$(1)/tinyvp.elf: $(patsubst %,$(B)/$(1)/obj/%.o,$(basename $(HV_SRCS))) \
                      $(B)/$(1)/obj/config.o $(B)/$(1)/obj/guests.o hv/arch/mips/tinyvp.ld
	$(TCC) $(HV_ASFLAGS) $(HV_ISA_FLAGS_$(or $(5),$(HV_ISA))) $(HV_LTO) $(HV_LDFLAGS) -L $(B)/$(1)/gen -o $$@ \
	    $(patsubst %,$(B)/$(1)/obj/%.o,$(basename $(HV_SRCS))) $(B)/$(1)/obj/config.o \
	    $(B)/$(1)/obj/guests.o
$(B)/$(1)/tinyvp.hex: $(B)/$(1)/tinyvp.elf
	$(TOBJCOPY) -O ihex $$< $$@
endef

HV_CONFIGS := $(basename $(notdir $(wildcard configs/*.yaml)))
$(foreach c,$(HV_CONFIGS),$(eval $(call hv_image,$(c),configs/$(c).yaml,)))
TOOLS += $(foreach c,$(HV_CONFIGS),$(B)/$(c)/tinyvp.elf $(B)/$(c)/tinyvp.hex)

# Both builds of the example systems, for make bench (bench/footprint):
# $(B)/<config>-m32 (MIPS32) and $(B)/<config>-mm (microMIPS C code).
HV_ISA_PAIR_CONFIGS := wifire-hello wifire-3guests wifire-7guests
$(foreach c,$(HV_ISA_PAIR_CONFIGS),$(eval $(call hv_image,$(c)-m32,configs/$(c).yaml,,,mips32)))
$(foreach c,$(HV_ISA_PAIR_CONFIGS),$(eval $(call hv_image,$(c)-mm,configs/$(c).yaml,,,micromips)))
HV_ISA_PAIR_ELFS := $(foreach c,$(HV_ISA_PAIR_CONFIGS),$(B)/$(c)-m32/tinyvp.elf $(B)/$(c)-mm/tinyvp.elf)
