# vpconf: the static system configurator. Host C11, libcyaml +
# libyaml (schema-validated YAML with positions) and libelf (guest images).
CONF_SRCS := $(sort $(wildcard conf/*.c))
CONF_LIB_SRCS := $(filter-out conf/main.c,$(CONF_SRCS))
CONF_OBJS := $(CONF_SRCS:%.c=$(B)/obj/%.o)
CONF_LIB_OBJS := $(CONF_LIB_SRCS:%.c=$(B)/obj/%.o)
CONF_LDLIBS := -lcyaml -lyaml -lelf

$(B)/bin/vpconf: $(CONF_OBJS) $(HOST_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_ALL_CFLAGS) -o $@ $^ $(CONF_LDLIBS)


TOOLS += $(B)/bin/vpconf
-include $(CONF_OBJS:.o=.d)
