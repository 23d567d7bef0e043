# UART / DMA / bus-protection test programs (tests/soc-io): bare-metal,
# self-checking, run on vpsim by tests/soc-io/run with the options and
# output checks written in each program's header. Each tests/soc-io/<name>.c
# links with tests/soc's runtime (soc_rt.S: interrupt stubs, bus probes).
SOCIO_B     := $(B)/tests/soc-io
SOCIO_PROGS := $(basename $(notdir $(wildcard tests/soc-io/*.c)))
SOCIO_ELFS  := $(SOCIO_PROGS:%=$(SOCIO_B)/%.elf)
SOCIO_LIB   := $(B)/tests/lib/crt0.o $(B)/tests/lib/test.o
SOCIO_RT    := $(SOCIO_B)/soc_rt.o

TEST_DEPS += $(SOCIO_ELFS)

$(SOCIO_RT): tests/soc/soc_rt.S include/mips/mipsregs.h $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -c -o $@ $<
$(SOCIO_B)/%.o: tests/soc-io/%.c tests/soc-io/soc_io.h tests/soc/soc_test.h tests/lib/test.h include/mips/mipsregs.h \
               $(CHIP_H) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(TCC) $(TARGET_CFLAGS) -O2 -c -o $@ $<
$(SOCIO_B)/%.elf: $(SOCIO_B)/%.o $(SOCIO_RT) $(SOCIO_LIB) tests/lib/test.ld
	@$(call TEST_LINK,$@,$(SOCIO_RT) $<)
.SECONDARY: $(SOCIO_PROGS:%=$(SOCIO_B)/%.o) $(SOCIO_RT)
