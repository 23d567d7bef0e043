# Test runtime for bare-metal test programs (tests/lib): linked into every
# test ELF. TEST_LIB_OBJS and TEST_LINK are for the suites' rules.mk.
# test.o is the whole runtime but start-up: test.c and tlib (tlib/rules.mk,
# built here with the tests' flags) in one relocatable object, so a suite
# that names crt0.o and test.o has all of it.
TEST_LIB_OBJS := $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o
TEST_TLIB_OBJS := $(patsubst tlib/%.c,$(B)/tests/lib/tlib/%.o,$(TLIB_SRCS))
TEST_LIBGCC := $(TARGET_LIBGCC)
# $(call TEST_LINK,out.elf,objs...)
# (libgcc is built abicalls; the linker's warning about mixing is harmless
# for its leaf helpers and is filtered, any other message is shown.)
TEST_LINK = $(TCC) $(TARGET_CFLAGS) $(TARGET_LDFLAGS) -T tests/lib/test.ld -o $(1) \
            $(TEST_LIB_OBJS) $(2) $(TEST_LIBGCC) 2>$(1).log; rc=$$?; \
            grep -v 'abicalls' $(1).log >&2; rm -f $(1).log; exit $$rc
$(B)/tests/lib/%.o: tests/lib/%.S include/mips/mipsregs.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -c -o $@ $<
$(B)/tests/lib/test.o: $(B)/tests/lib/test-c.o $(TEST_TLIB_OBJS)
	$(CROSS_COMPILE)ld -r -o $@ $(B)/tests/lib/test-c.o $(TEST_TLIB_OBJS)
$(B)/tests/lib/test-c.o: tests/lib/test.c tests/lib/test.h $(TLIB_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -c -o $@ $<
$(B)/tests/lib/tlib/%.o: tlib/%.c $(TLIB_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -c -o $@ $<
