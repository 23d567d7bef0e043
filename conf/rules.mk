# vpconf: the static system configurator. Host C11, libcyaml +
# libyaml (schema-validated YAML with positions) and libelf (guest images).
# conf/chiphdr.c is not part of it: a build tool (below).
CONF_SRCS := $(filter-out conf/chiphdr.c,$(sort $(wildcard conf/*.c)))
CONF_LIB_SRCS := $(filter-out conf/main.c,$(CONF_SRCS))
CONF_OBJS := $(CONF_SRCS:%.c=$(B)/obj/%.o)
CONF_LIB_OBJS := $(CONF_LIB_SRCS:%.c=$(B)/obj/%.o)
CONF_LDLIBS := -lcyaml -lyaml -lelf

$(B)/bin/vpconf: $(CONF_OBJS) $(HOST_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_ALL_CFLAGS) -o $@ $^ $(CONF_LDLIBS)


TOOLS += $(B)/bin/vpconf
-include $(CONF_OBJS:.o=.d)

# The PIC32MZ register header of all target code ($(CHIP_H), tlib/rules.mk),
# written by chiphdr from the same chip data as vpconf's.
CHIPHDR := $(B)/obj/conf/chiphdr
$(CHIPHDR): $(B)/obj/conf/chiphdr.o $(B)/obj/conf/pic32mzef.o
	$(HOSTCC) $(HOST_ALL_CFLAGS) -o $@ $^
$(CHIP_H): $(CHIPHDR)
	@mkdir -p $(dir $@)
	$(CHIPHDR) $@
-include $(B)/obj/conf/chiphdr.d
