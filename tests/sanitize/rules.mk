# Sanitizer builds of the host tools (tests/sanitize/run): vpsim built with
# AddressSanitizer and UndefinedBehaviorSanitizer into its own binary (the
# configurator's, vpconf-san, is tests/conf's). One compiler run of every
# source, like vpconf-san: no second object tree.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
$(B)/tests/sanitize/vpsim-san: $(SIM_SRCS) $(HOST_LIB_OBJS:$(B)/obj/%.o=%.c) $(wildcard sim/*/*.h sim/*/*/*.h host/*.h include/*/*.h) VERSION | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(filter-out -O2,$(HOST_ALL_CFLAGS)) $(SAN_FLAGS) -o $@ $(SIM_SRCS) $(HOST_LIB_OBJS:$(B)/obj/%.o=%.c) -lelf -lm
TEST_DEPS += $(B)/tests/sanitize/vpsim-san
