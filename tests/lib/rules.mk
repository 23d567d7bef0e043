# Test runtime for bare-metal test programs (tests/lib): linked into every
# test ELF. TEST_LIB_OBJS and TEST_LINK are for the suites' rules.mk.
TEST_LIB_OBJS := $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o
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
$(B)/tests/lib/%.o: tests/lib/%.c tests/lib/test.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -c -o $@ $<
