# exits.awk: the hypervisor's time per guest exit, from vpsim --events
# (docs/simulator.md): an exit runs from its guest-exit event to the next
# guest-entry of the same guest or root-wait (the hypervisor idles). An
# exit that ends in another guest's entry carried a window switch: counted
# apart ("switch"), its time includes the wait for the window's start.
# Output: one line per exit kind, "KIND COUNT WORST_CYCLES", kinds named by
# ExcCode (GE by its GExcCode: MIPS VZ MD00846, GuestCtl0.GExcCode), then
# "all COUNT WORST" over every exit but switches. An interrupt exit just
# after the controller raised vector 106 (a bus-protection violation, which
# the hypervisor handles like a guest fault, under the fault bound) is
# "Int.sbp".
# Usage: awk -f exits.awk [-v skip=CYCLES] EVENTS...
function kname(c, g) {
    if (c == 27) return g == 0 ? "GE.GPSI" : g == 1 ? "GE.GSFC" : g == 2 ? "GE.HC" : \
        g == 3 ? "GE.GRR" : g == 8 ? "GE.GVA" : g == 9 ? "GE.GHFC" : g == 10 ? "GE.GPA" : "GE." g
    return c == 0 ? "Int" : c == 1 ? "Mod" : c == 2 ? "TLBL" : c == 3 ? "TLBS" : c == 4 ? "AdEL" : \
        c == 5 ? "AdES" : c == 6 ? "IBE" : c == 7 ? "DBE" : c == 10 ? "RI" : c == 11 ? "CpU" : \
        c == 32 ? "debug" : "exc" c
}
function done(t, what) {
    if (!open) return
    open = 0
    if (t - x0 > worst[what]) worst[what] = t - x0
    n[what]++
}
FNR == 1 { open = 0; cur = -1; lv = -1 }
$1 + 0 < skip { next }
$3 == "irq" { lv = $4 + 0; next }
$3 == "guest-exit" { done($1, k); open = 1; x0 = $1 + 0; k = kname($4 + 0, $5 + 0); xg = cur
                    if (k == "Int" && lv == 106) k = "Int.sbp"; next }
$3 == "guest-entry" { if (open) done($1 + 0, $4 + 0 == xg ? k : "switch"); cur = $4 + 0; next }
$3 == "root-wait" { done($1 + 0, k); next }
END {
    for (w in n) if (w != "switch") { all += n[w]; if (worst[w] > aw) aw = worst[w] }
    for (w in n) printf "%s %d %d\n", w, n[w], worst[w]
    printf "all %d %d\n", all, aw
}
