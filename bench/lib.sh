# Helpers for bench/*/run (sourced). Figures come from vpsim, measured from
# outside the code under test: --measure-json for FROM..TO pairs, --events
# for event streams. Every run prints markdown on stdout and records
# figures as `metric NAME VALUE` lines on fd 3 (VALUE: a number, a JSON
# array, or text); bench/summary turns them into the report's main table.
B=${B:-build}
VPSIM=$B/bin/vpsim
NM=${CROSS_COMPILE:-mipsel-linux-gnu-}nm
SIZE=${CROSS_COMPILE:-mipsel-linux-gnu-}size
OBJDUMP=${CROSS_COMPILE:-mipsel-linux-gnu-}objdump
# boot_flash ELF: the boot flash the image uses below the DEVCFG words,
# from 0x1FC00000 to the end of its last .boot* section (the gaps between
# the fixed vectors count whether code fills them or not)
boot_flash() {
    "$OBJDUMP" -h "$1" | awk '$2 ~ /^\.boot/ { print $3, $5 }' | {
        end=0
        while read -r sz lma; do
            e=$((0x$lma + 0x$sz - 0x1fc00000))
            [ $e -gt $end ] && end=$e
        done
        echo $end
    }
}
BENCH_TMP=$(mktemp -d)
trap 'rm -rf "$BENCH_TMP"' EXIT

# sym ELF NAME -> 0x... (the symbol's address, 32 bits), or nothing
sym() {
    "$NM" "$1" 2>/dev/null | awk -v s="$2" '$3 == s { v = $1; print "0x" substr(v, length(v) - 7); exit }'
}
# addr + n (hex)
plus() { printf '0x%x' $(($1 + $2)); }

# hv_text_end HVELF -> the end of the hypervisor's code in flash (hex).
# Measured guest code must lie above it (bench/rt/hot.ld) so that a pc:
# event can never match a root instruction.
hv_text_end() { sym "$1" _text_end; }
check_hot() { # check_hot HVELF ADDR... -> non-zero (and a message) if any ADDR is in the hv's code
    local end
    end=$(hv_text_end "$1")
    shift
    for a in "$@"; do
        if [ -z "$end" ] || [ $((a)) -lt $((end)) ] && [ $((a)) -ge $((0x9d000000)) ]; then
            echo "bench: measured guest address $a is not above the hypervisor's code (${end:-?})" >&2
            return 1
        fi
    done
}

# m_get JSON NAME FIELD -> "min med max" of FIELD (cycles|instructions), or
# nothing when the measurement has no sample; m_n JSON NAME -> samples
m_get() {
    awk -v n="\"$2\":" -v f="\"$3\":" '$1 == n {
        i = index($0, f); if (!i) exit
        s = substr($0, i + length(f)); sub(/^ *\[/, "", s); sub(/\].*/, "", s)
        gsub(/,/, " ", s); gsub(/  +/, " ", s); print s }' "$1"
}
m_n() { awk -v n="\"$2\":" '$1 == n { s = $0; sub(/.*"n": */, "", s); sub(/,.*/, "", s); print s }' "$1"; }

# "a b c" -> [a,b,c] ; "a b c" + k -> "a+k b+k c+k"
jarr() { echo "[$(echo "$1" | tr ' ' ',')]"; }
addk() { echo "$1" | awk -v k="$2" '{ printf "%d %d %d\n", $1 + k, $2 + k, $3 + k }'; }
# "a b c" -> "a / b / c" for the tables
mmm() { echo "$1" | awk '{ if ($1 == $3) print $1; else printf "%s / %s / %s\n", $1, $2, $3 }'; }

metric() { echo "metric $*" >&3; }

# stats3 FILE [COLUMN] -> "min median max" of the numbers in COLUMN (1) of
# FILE, the median as vpsim's (element n/2 of the sorted list); nothing
# when FILE is empty
stats3() {
    sort -n -k"${2:-1},${2:-1}" "$1" | awk -v c="${2:-1}" '{ v[n++] = $c }
        END { if (n) printf "%d %d %d\n", v[0], v[int(n / 2)], v[n - 1] }'
}

# schedule GEN_REPORT -> "F" then one "start_cycles end_cycles guest_id" per window
# (from vpconf's report.txt; 200 cycles per microsecond)
schedule() {
    awk '/^GUEST [0-9]+ / { id[$3] = $2 }
         /^SCHEDULE: major frame/ { f = $4 * 200; s = 1; next }
         s && /^ *$/ { s = 0 }
         s && $1 ~ /[.][.]$/ && ($4 in id) { a = $1; sub(/[.][.]$/, "", a); print a * 200, $2 * 200, id[$4] }
         END { print "F", f }' "$1"
}

# epoch CONSOLE_FILE -> the cycle at which the hypervisor's frame 0 starts,
# from its boot line "schedule: ... frame 0 at Count X" (Count runs at
# SYSCLK / 2 from 0 at reset: cycle = 2 x Count); nothing if absent
epoch() {
    sed -n 's/.*frame 0 at Count \([0-9a-fA-F]*\).*/\1/p' "$1" | head -1 |
        while read -r c; do echo $((2 * 0x$c)); done
}
