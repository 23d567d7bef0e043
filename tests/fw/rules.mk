# Firmware-style guests (tests/fw/run): programs written for the bare chip
# the way other toolchains and RTOS ports write them, without tinyVP's
# guest runtime (own start-up start.S, linker script fw.ld, fw.h). Each
# runs on the bare simulated board and as a partition beside a demo guest
# (tests/fw/*.yaml); the consoles must be equal byte for byte.
FW_B := $(B)/tests/fw
FW_CFLAGS := $(TARGET_CFLAGS) -std=gnu11 -O2 $(WERROR_FLAG) -Wall -Wextra -ffreestanding \
             -fno-tree-loop-distribute-patterns
FW_ELFS := $(FW_B)/pins.elf $(FW_B)/rtos-sv.elf $(FW_B)/rtos-mv.elf $(FW_B)/reset.elf $(FW_B)/wdt.elf $(FW_B)/wdt-en.elf $(FW_B)/wdt-slow.elf $(FW_B)/wdt-win.elf $(FW_B)/panel.elf $(FW_B)/driver.elf $(FW_B)/extint.elf $(FW_B)/intc-forms.elf $(FW_B)/intc-storm.elf

$(FW_B)/start.o: tests/fw/start.S | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(FW_CFLAGS) -c -o $@ $<
$(FW_B)/rtos-sv.o: tests/fw/rtos.c tests/fw/fw.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(FW_CFLAGS) -DFW_MVEC=0 -c -o $@ $<
$(FW_B)/rtos-mv.o: tests/fw/rtos.c tests/fw/fw.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(FW_CFLAGS) -DFW_MVEC=1 -c -o $@ $<
$(FW_B)/reset.o $(FW_B)/wdt.o $(FW_B)/panel.o $(FW_B)/pins.o $(FW_B)/extint.o $(FW_B)/intc-forms.o $(FW_B)/intc-storm.o: $(FW_B)/%.o: tests/fw/%.c tests/fw/fw.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(FW_CFLAGS) -c -o $@ $<
$(FW_B)/wdt-en.o: tests/fw/wdt.c tests/fw/fw.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(FW_CFLAGS) -DFW_FWDTEN=1 -c -o $@ $<
$(FW_B)/wdt-slow.o: tests/fw/wdt.c tests/fw/fw.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(FW_CFLAGS) -DFW_SLOW=1 -c -o $@ $<
$(FW_B)/wdt-win.o: tests/fw/wdt.c tests/fw/fw.h | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(FW_CFLAGS) -DFW_WIN=1 -c -o $@ $<
$(FW_B)/driver.elf: tests/fw/driver.c tests/fw/driver-crt0.S tests/fw/driver.ld | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(FW_CFLAGS) $(TARGET_LDFLAGS) -T tests/fw/driver.ld -o $@ tests/fw/driver-crt0.S tests/fw/driver.c
$(FW_B)/%.elf: $(FW_B)/%.o $(FW_B)/start.o tests/fw/fw.ld
	$(TCC) $(FW_CFLAGS) $(TARGET_LDFLAGS) -T tests/fw/fw.ld -o $@ $(FW_B)/start.o $<
.SECONDARY: $(FW_ELFS:.elf=.o) $(FW_B)/start.o

HV_GUEST_IMAGES += $(FW_ELFS)
TEST_DEPS += $(FW_ELFS)
FW_CONFIGS := $(basename $(notdir $(wildcard tests/fw/*.yaml)))
$(foreach c,$(FW_CONFIGS),$(eval $(call hv_image,fw-$(c),tests/fw/$(c).yaml,$(FW_B))))
TEST_DEPS += $(foreach c,$(FW_CONFIGS),$(B)/fw-$(c)/tinyvp.hex)
