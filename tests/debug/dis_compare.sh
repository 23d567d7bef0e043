#!/usr/bin/env bash
# tests/debug: compares vpsim's disassembler with objdump on one object.
# usage: dis_compare.sh "DIS_WORDS [--mutate]" OBJDUMP FILE [MAXSHOW]
# (work files go to $DIS_TMP, default /tmp)
# Prints "checked N same M core-only A objdump-only B differ D" and, for
# each difference (at most MAXSHOW), "diff ADDR WORD: objdump '...' vpsim '...'".
# Exit status 1 when an instruction both decode reads differently.
#
# Normalisation (harmless differences, documented in docs/simulator.md):
#  - objdump's "ADDR <symbol+off>" branch/jump targets → "0xADDR" (vpsim
#    prints the resolved address only; it has no symbols);
#  - CP0 registers vpsim names and objdump leaves numeric (the M5150/VZ
#    ones: c0_guestctl0, c0_badinstr, ...) → "$reg,sel";
#  - words objdump prints as data (".word", "0x...", or the generic
#    "c0 0x..." coprocessor form) while the core executes them — objdump insists on zero in fields the core ignores
#    (e.g. MTHI with rt != 0, CLZ with rt != rd) — are counted as "core-only", not compared;
#  - words objdump decodes that the core does not execute (MIPS-3D CABS,
#    paired single, DSP accumulators, MT, r6 encodings): "objdump-only".
set -u
dw=$1; od=$2; f=$3; maxshow=${4:-20}
w=${DIS_TMP:-/tmp}/dis.$$.$(basename "$f")
trap 'rm -f "$w.od" "$w.vp"' EXIT
"$od" -d --no-show-raw-insn "$f" >/dev/null 2>&1 || { echo "objdump failed on $f"; exit 2; }
"$od" -d "$f" | awk -F'\t' -v mm="${DIS_MM:-0}" '
    # MIPS32: one 8-digit word; microMIPS (DIS_MM=1): "hhhh" or "hhhh hhhh"
    (!mm && /^ *[0-9a-f]+:\t[0-9a-f]+ \t/) || (mm && /^ *[0-9a-f]+:\t[0-9a-f][0-9a-f][0-9a-f][0-9a-f]( [0-9a-f][0-9a-f][0-9a-f][0-9a-f])? *\t/) {
        addr = $1; sub(/^ */, "", addr); sub(/:$/, "", addr)
        word = $2; gsub(/ /, "", word)
        text = $3; for (i = 4; i <= NF; i++) text = text "\t" $i
        sub(/[ \t]+$/, "", text)
        print addr, word "\t" text
    }' >"$w.od"
# shellcheck disable=SC2086
cut -f1 "$w.od" | $dw >"$w.vp"
paste -d'\n' "$w.od" "$w.vp" | awk -v maxshow="$maxshow" '
    BEGIN {
        # vpsim names for CP0 registers objdump leaves numeric
        split("c0_userlocal:$4,2 c0_badinstr:$8,1 c0_badinstrp:$8,2 c0_guestctl1:$10,4 " \
              "c0_guestctl2:$10,5 c0_guestctl3:$10,6 c0_guestctl0ext:$11,4 c0_guestctl0:$12,6 " \
              "c0_gtoffset:$12,7 c0_nestedexc:$13,5 c0_nestedepc:$14,2 c0_cdmmbase:$15,2 " \
              "c0_config4:$16,4 c0_config5:$16,5 c0_config7:$16,7 c0_kscratch1:$31,2 " \
              "c0_kscratch2:$31,3", m, " ")
        for (i in m) { split(m[i], kv, ":"); cp0[kv[1]] = kv[2] }
    }
    function hex(s,   i, v) {
        v = 0
        for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
        return v
    }
    NR % 2 == 1 { od = $0; next }
    {
        split(od, a, "\t"); split(a[1], aw, " "); addr = aw[1]; word = aw[2]
        otext = substr(od, length(a[1]) + 2)
        vknown = $2
        vtext = $0; sub(/^[^ ]+ [01] /, "", vtext)
        n++
        # objdump: symbolic targets → the address
        if (match(otext, /[0-9a-f]+ <[^>]*>$/)) {
            t = substr(otext, RSTART, RLENGTH); sub(/ <.*/, "", t)
            otext = substr(otext, 1, RSTART - 1) "0x" t
        }
        for (k in cp0) {
            if (index(vtext, k) && (substr(vtext, index(vtext, k) + length(k), 1) !~ /[a-z0-9_]/))
                vtext = substr(vtext, 1, index(vtext, k) - 1) cp0[k] substr(vtext, index(vtext, k) + length(k))
        }
        odata = (otext ~ /^\.word/ || otext ~ /^0x[0-9a-f]+$/ || otext ~ /^\(bad\)/ || otext ~ /^c[0-3]\t/)
        # CLZ/CLO: objdump wants rt == rd (MIPS32 says so); the core writes rd
        if (otext ~ /^cl[oz]\t/) { w = hex(word); if (int(w / 65536) % 32 != int(w / 2048) % 32) odata = 1 }
        if (odata && vknown == 0) { same++; next }
        if (odata) { coreonly++; next }
        if (vknown == 0) { odonly++; next }
        if (otext == vtext) { same++; next }
        differ++
        if (shown++ < maxshow)
            printf "diff %s %s: objdump \047%s\047 vpsim \047%s\047\n", addr, word, otext, vtext
    }
    END {
        printf "checked %d same %d core-only %d objdump-only %d differ %d\n", n, same, coreonly, odonly, differ
        exit differ ? 1 : 0
    }'
