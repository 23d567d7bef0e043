# Unit tests of host code. Each test program is $(B)/tests/unit/test_<name>,
# built from tests/unit/test_<name>.c plus UNIT_SRCS_<name>, linked with
# UNIT_LIBS_<name>; tests/unit/run runs every $(B)/tests/unit/test_* and each
# prints its own "ok"/"FAIL" lines and exits 0 (a non-zero exit or a crash is
# reported by run as one more failure). To add one: append <name> to
# UNIT_TESTS and set its UNIT_SRCS_/UNIT_LIBS_/UNIT_CFLAGS_ variables above
# the template at the end (header dependencies are generated); fixtures as plain
# rules like the ones for test_loader.

UNIT_B := $(B)/tests/unit
UNIT_TESTS :=

# --- loader: sim/host/loader.c over the image reader host/image.c ------------
UNIT_TESTS += loader
UNIT_SRCS_loader := sim/host/loader.c host/image.c
UNIT_LIBS_loader := -lelf
UNIT_CFLAGS_loader := -DLOADER_FIXTURES='"$(abspath $(UNIT_B))/fixtures"'

LOADER_FIX := $(UNIT_B)/fixtures
LOADER_FIX_LDFLAGS = $(TARGET_LDFLAGS) -Wl,-T,tests/unit/loader_img.ld
LOADER_FIXTURES := $(LOADER_FIX)/img.elf $(LOADER_FIX)/img.hex $(LOADER_FIX)/noboot.elf \
                   $(LOADER_FIX)/outside.elf $(LOADER_FIX)/img.o

$(LOADER_FIX)/img.elf: tests/unit/loader_img.S tests/unit/loader_img.ld | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) $(LOADER_FIX_LDFLAGS) -Wl,-Ttext=0x9D000000 -o $@ $<
$(LOADER_FIX)/noboot.elf: tests/unit/loader_img.S tests/unit/loader_img.ld | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) $(LOADER_FIX_LDFLAGS) -DNO_BOOT -Wl,-Ttext=0x9D000000 -o $@ $<
# .text just past the 2 MB program flash.
$(LOADER_FIX)/outside.elf: tests/unit/loader_img.S tests/unit/loader_img.ld | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) $(LOADER_FIX_LDFLAGS) -Wl,-Ttext=0x9D200000 -o $@ $<
$(LOADER_FIX)/img.o: tests/unit/loader_img.S | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -c -o $@ $<
$(LOADER_FIX)/img.hex: $(LOADER_FIX)/img.elf
	$(TOBJCOPY) -O ihex $< $@

$(UNIT_B)/test_loader: $(LOADER_FIXTURES)

# --- image: the shared image reader host/image.c -------------------------------
UNIT_TESTS += image
UNIT_SRCS_image := host/image.c
UNIT_LIBS_image := -lelf
UNIT_CFLAGS_image := -DLOADER_FIXTURES='"$(abspath $(UNIT_B))/fixtures"' \
                     -DCONF_IMG='"$(abspath $(B))/tests/conf/img"'
$(UNIT_B)/test_image: $(LOADER_FIXTURES) $(B)/tests/conf/img/micro.elf $(B)/tests/conf/img/mixed.elf \
                      $(B)/tests/conf/img/micro.hex

# --- fpu: sim/cpu/fpu.c, with a stub CPU ----------------------------------------
UNIT_TESTS += fpu
UNIT_SRCS_fpu := sim/cpu/fpu.c
UNIT_LIBS_fpu := -lm

# --- event: sim/soc/pic32mz/event.c (device-event queue) ---------------------
UNIT_TESTS += event
UNIT_SRCS_event := sim/soc/pic32mz/event.c

# --- sbuf: conf/sbuf.c (vpconf's text buffer, XML and make escaping) ----------
UNIT_TESTS += sbuf
UNIT_SRCS_sbuf := conf/sbuf.c
UNIT_CFLAGS_sbuf := -Iconf

# --- tlib: the printf core (tlib/format.c) against the host C library ----------
UNIT_TESTS += tlib tlib_small
UNIT_SRCS_tlib := tlib/format.c
UNIT_CFLAGS_tlib := -Itlib
UNIT_SRCS_tlib_small := tlib/format.c
UNIT_CFLAGS_tlib_small := -Itlib -DTLIB_SMALL
$(UNIT_B)/test_tlib $(UNIT_B)/test_tlib_small: tlib/tlib.h tests/unit/test_tlib.c

# --- insn: the hypervisor's decoders (hv/core/insn.c, insn_mm.c) against the
# cross assembler's encodings (tests/unit/insn_img.S, linked, copied out raw) ---
UNIT_TESTS += insn
UNIT_SRCS_insn := hv/core/insn.c hv/core/insn_mm.c
UNIT_CFLAGS_insn := -Ihv/core -DINSN_FIXTURE='"$(abspath $(UNIT_B))/fixtures/insn_img.bin"'
$(UNIT_B)/fixtures/insn_img.elf: tests/unit/insn_img.S | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) $(TARGET_LDFLAGS) -Wl,-Ttext=0x9D000000 -Wl,-e,base -o $@ $<
$(UNIT_B)/fixtures/insn_img.bin: $(UNIT_B)/fixtures/insn_img.elf
	$(TOBJCOPY) -O binary -j .text $< $@
$(UNIT_B)/test_insn: $(UNIT_B)/fixtures/insn_img.bin

# --- template ------------------------------------------------------------------
define UNIT_TEST_template
UNIT_OBJS_$(1) := $(patsubst %.c,$(UNIT_B)/$(1).obj/%.o,tests/unit/test_$(1).c $(UNIT_SRCS_$(1)))
$(UNIT_B)/$(1).obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$$(HOSTCC) $$(HOST_ALL_CFLAGS) $$(DEPFLAGS) -Isim $(UNIT_CFLAGS_$(1)) -c -o $$@ $$<
$(UNIT_B)/test_$(1): $$(UNIT_OBJS_$(1))
	$$(HOSTCC) $$(HOST_ALL_CFLAGS) -o $$@ $$(UNIT_OBJS_$(1)) $(UNIT_LIBS_$(1))
TEST_DEPS += $(UNIT_B)/test_$(1)
endef
$(foreach t,$(UNIT_TESTS),$(eval $(call UNIT_TEST_template,$(t))))
