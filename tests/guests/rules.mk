# Example-guest suite (tests/guests/run): the firmwares of guests/rules.mk,
# run on the bare simulated Wi-FIRE.
TEST_DEPS += $(GUEST_ELFS)
