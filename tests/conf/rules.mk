# tests/conf: vpconf test inputs (tiny guest images from assembly, so their
# bytes do not depend on compiler code generation), the page-cover property
# test and the libFuzzer harness.
CONF_TEST_IMG := $(B)/tests/conf/img
CONF_TEST_ELFS := $(patsubst tests/conf/img/%.S,$(CONF_TEST_IMG)/%.elf,$(wildcard tests/conf/img/*.S))
CONF_TEST_HEXS := $(CONF_TEST_ELFS:.elf=.hex)

$(CONF_TEST_IMG)/%.elf: tests/conf/img/%.S tests/conf/img/guest.ld $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) $(TARGET_LDFLAGS) -T tests/conf/img/guest.ld -o $@ $<

$(CONF_TEST_IMG)/%.hex: $(CONF_TEST_IMG)/%.elf
	$(TOBJCOPY) -O ihex $< $@

$(B)/tests/conf/cover_test: tests/conf/cover_test.c $(B)/obj/conf/cover.o
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_ALL_CFLAGS) -o $@ $^

$(B)/tests/conf/pps_groups: tests/conf/pps_groups.c $(B)/obj/conf/pic32mzef.o
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_ALL_CFLAGS) -Iconf -o $@ $^

# Sanitizer build of vpconf, run by the suite over all configs.
CONF_SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
$(B)/tests/conf/vpconf-san: $(CONF_SRCS) host/image.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(filter-out -O2,$(HOST_ALL_CFLAGS)) $(CONF_SAN_FLAGS) -o $@ $(CONF_SRCS) host/image.c $(CONF_LDLIBS)

# libFuzzer harness over parser + checker (clang). Replayed over the
# corpus in make test; fuzzed for a while under make fuzz.
$(B)/tests/conf/fuzz_vpconf: tests/conf/fuzz_vpconf.c $(CONF_LIB_SRCS) host/image.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	clang -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Iinclude -Iconf -g -O1 \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -o $@ $^ $(CONF_LDLIBS)

TEST_DEPS += $(CONF_TEST_ELFS) $(CONF_TEST_HEXS) $(B)/tests/conf/cover_test $(B)/tests/conf/vpconf-san \
             $(B)/tests/conf/pps_groups \
             $(B)/tests/conf/fuzz_vpconf
FUZZ_DEPS += $(B)/tests/conf/fuzz_vpconf

# stand-ins for the example guests the configs/ name (guests/ builds the
# real ones); same bytes as hello for the golden tests
$(CONF_TEST_IMG)/timer-irq.elf $(CONF_TEST_IMG)/fpu.elf $(CONF_TEST_IMG)/dma.elf: $(CONF_TEST_IMG)/hello.elf
	cp $< $@
CONF_TEST_ELFS += $(CONF_TEST_IMG)/timer-irq.elf $(CONF_TEST_IMG)/fpu.elf $(CONF_TEST_IMG)/dma.elf
TEST_DEPS += $(CONF_TEST_IMG)/timer-irq.elf $(CONF_TEST_IMG)/fpu.elf $(CONF_TEST_IMG)/dma.elf
