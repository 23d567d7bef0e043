# System tests (tests/system/run): whole configurations under vpsim.
SYS_CONFIGS := $(basename $(notdir $(wildcard tests/system/*.yaml)))
$(foreach c,$(SYS_CONFIGS),$(eval $(call hv_image,sys-$(c),tests/system/$(c).yaml,$(B)/tests/system)))
TEST_DEPS += $(foreach c,$(SYS_CONFIGS),$(B)/sys-$(c)/tinyvp.hex)
