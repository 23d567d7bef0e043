# Example guests (guests/README.md): the runtime guests/rt/ as a library,
# and one firmware per guests/<name>/ directory, built for the bare
# chipKIT Wi-FIRE into $(B)/guests/<name>.elf and .hex. The same files run
# on vpsim and as tinyVP partitions.
GUEST_B      := $(B)/guests
GUEST_NAMES  := hello blinky timer-irq fpu echo bench
GUEST_ELFS   := $(GUEST_NAMES:%=$(GUEST_B)/%.elf) $(GUEST_NAMES:%=$(GUEST_B)/%.hex)
GUEST_CFLAGS := $(TARGET_CFLAGS) -std=gnu11 -O2 -g -Iguests/rt -ffunction-sections -fdata-sections \
                -fno-tree-loop-distribute-patterns $(WERROR_FLAG)
GUEST_HDRS   := $(wildcard guests/rt/*.h) include/mips/mipsregs.h $(TLIB_HDRS) $(CHIP_H)
GUEST_LIBGCC := $(TARGET_LIBGCC)

# Always linked: start-up and configuration words. The rest comes from the
# archive as needed.
GUEST_RT_FIXED := $(GUEST_B)/rt/crt0.o $(GUEST_B)/rt/devcfg.o
GUEST_RT_LIB_SRCS := $(filter-out guests/rt/devcfg.c,$(wildcard guests/rt/*.c))
GUEST_RT_LIB_OBJS := $(GUEST_RT_LIB_SRCS:guests/rt/%.c=$(GUEST_B)/rt/%.o)
# tlib (tlib/rules.mk), with the guests' flags, in the same archive
GUEST_TLIB_OBJS := $(patsubst tlib/%.c,$(GUEST_B)/tlib/%.o,$(TLIB_SRCS) $(TLIB_FP_SRCS))
GUEST_RT_LIB_OBJS += $(GUEST_TLIB_OBJS)
GUEST_RT_LIB := $(GUEST_B)/librt.a

# RAM a guest uses from 0x80000000 (data, bss, stack): 32K unless set here.
GUEST_RAM_bench := 64K

TOOLS += $(GUEST_ELFS)

$(GUEST_B)/rt/%.o: guests/rt/%.S $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
$(GUEST_B)/rt/%.o: guests/rt/%.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
$(GUEST_B)/tlib/%.o: tlib/%.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
$(GUEST_RT_LIB): $(GUEST_RT_LIB_OBJS)
	@rm -f $@
	$(CROSS_COMPILE)ar rcs $@ $^

$(GUEST_B)/%.o: guests/%.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<

# $(GUEST_B)/<name>.elf from every guests/<name>/*.c. (libgcc is built
# abicalls; the linker's warning about mixing is harmless for its leaf
# helpers and is filtered, any other message is shown.)
define GUEST_template
$(GUEST_B)/$(1).elf: $(patsubst guests/%.c,$(GUEST_B)/%.o,$(wildcard guests/$(1)/*.c)) \
                     $(GUEST_RT_FIXED) $(GUEST_RT_LIB) guests/rt/guest.ld
	$(TCC) $(GUEST_CFLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections \
	    $(if $(GUEST_RAM_$(1)),-Wl$(comma)--defsym$(comma)__rt_ram_size=$(GUEST_RAM_$(1))) \
	    -o $$@ $(GUEST_RT_FIXED) $(patsubst guests/%.c,$(GUEST_B)/%.o,$(wildcard guests/$(1)/*.c)) \
	    $(GUEST_RT_LIB) $(GUEST_LIBGCC) 2>$$@.log; rc=$$$$?; \
	    grep -v 'abicalls' $$@.log >&2; rm -f $$@.log; exit $$$$rc
endef
comma := ,
$(foreach g,$(GUEST_NAMES),$(eval $(call GUEST_template,$(g))))

$(GUEST_B)/%.hex: $(GUEST_B)/%.elf
	$(TOBJCOPY) -O ihex $< $@

guests: $(GUEST_ELFS)
.PHONY: guests
.SECONDARY: $(GUEST_RT_LIB_OBJS)

# The channel library (guests/lib: include/tinyvp/channel.h), an object a
# firmware links beside its own (the example guests do not use it).
GUEST_CHANNEL_OBJ := $(GUEST_B)/lib/channel.o
$(GUEST_CHANNEL_OBJ): guests/lib/channel.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<

# microMIPS builds of the example guests: $(GUEST_B)/<name>-mm.elf/.hex, the
# guest's code and the runtime library (guests/rt/*.c, tlib) compiled
# -mmicromips; only crt0.S (exception vectors, entered in MIPS32 mode as
# Config3.ISAOnExc = 0 says) stays MIPS32. Calls between the two ISAs are
# JALX/JALR (-minterlink-compressed). They print what the MIPS32 builds print
# (tests/guests).
GUEST_MM_NAMES := hello blinky timer-irq fpu
GUEST_MM_FLAGS := -mmicromips -minterlink-compressed
GUEST_MM_ELFS  := $(GUEST_MM_NAMES:%=$(GUEST_B)/%-mm.elf) $(GUEST_MM_NAMES:%=$(GUEST_B)/%-mm.hex)
GUEST_MM_LIB_OBJS := $(patsubst $(GUEST_B)/%.o,$(GUEST_B)/mm/%.o,$(GUEST_RT_LIB_OBJS))
GUEST_MM_LIB := $(GUEST_B)/librt-mm.a
TOOLS += $(GUEST_MM_ELFS)

$(GUEST_B)/mm/rt/%.o: guests/rt/%.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) $(GUEST_MM_FLAGS) -c -o $@ $<
$(GUEST_B)/mm/tlib/%.o: tlib/%.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) $(GUEST_MM_FLAGS) -c -o $@ $<
$(GUEST_B)/mm/%.o: guests/%.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) $(GUEST_MM_FLAGS) -c -o $@ $<
$(GUEST_MM_LIB): $(GUEST_MM_LIB_OBJS)
	@rm -f $@
	$(CROSS_COMPILE)ar rcs $@ $^

define GUEST_MM_template
$(GUEST_B)/$(1)-mm.elf: $(patsubst guests/%.c,$(GUEST_B)/mm/%.o,$(wildcard guests/$(1)/*.c)) \
                        $(GUEST_RT_FIXED) $(GUEST_MM_LIB) guests/rt/guest.ld
	$(TCC) $(GUEST_CFLAGS) $(GUEST_MM_FLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections \
	    $(if $(GUEST_RAM_$(1)),-Wl$(comma)--defsym$(comma)__rt_ram_size=$(GUEST_RAM_$(1))) \
	    -o $$@ $(GUEST_RT_FIXED) $(patsubst guests/%.c,$(GUEST_B)/mm/%.o,$(wildcard guests/$(1)/*.c)) \
	    $(GUEST_MM_LIB) $(GUEST_LIBGCC) 2>$$@.log; rc=$$$$?; \
	    grep -v 'abicalls' $$@.log >&2; rm -f $$@.log; exit $$$$rc
endef
$(foreach g,$(GUEST_MM_NAMES),$(eval $(call GUEST_MM_template,$(g))))
guests: $(GUEST_MM_ELFS)
.SECONDARY: $(GUEST_MM_LIB_OBJS)
