# Guest instruction fuzzing (tests/gfuzz/run): fuzzer.c as a partition
# beside tests/hostile's bystander (gfuzz.yaml); the seed is chosen at run
# time (a word of the fuzzer's flash the test overwrites).
GFUZZ_B := $(B)/tests/gfuzz
$(GFUZZ_B)/fuzzer.o: tests/gfuzz/fuzzer.c $(GUEST_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(GUEST_CFLAGS) -c -o $@ $<
$(GFUZZ_B)/fuzzer.elf: $(GFUZZ_B)/fuzzer.o $(GUEST_RT_FIXED) $(GUEST_RT_LIB) guests/rt/guest.ld
	$(TCC) $(GUEST_CFLAGS) $(TARGET_LDFLAGS) -T guests/rt/guest.ld -Wl,--gc-sections -o $@ \
	    $(GUEST_RT_FIXED) $< $(GUEST_RT_LIB) $(GUEST_LIBGCC) 2>$@.log; rc=$$?; \
	    grep -v 'abicalls' $@.log >&2; rm -f $@.log; exit $$rc
.SECONDARY: $(GFUZZ_B)/fuzzer.o
$(eval $(call hv_image,gfuzz,tests/gfuzz/gfuzz.yaml,$(GFUZZ_B) $(B)/tests/hostile))
TEST_DEPS += $(B)/gfuzz/tinyvp.hex
HV_GUEST_IMAGES += $(GFUZZ_B)/fuzzer.elf
