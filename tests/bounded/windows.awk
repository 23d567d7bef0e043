# windows.awk: how late a guest's windows start, from the console (the
# hypervisor's "frame 0 at Count X" line) and vpsim --events (the guest's
# first entry in each window: cycles = 2 x Count).
# Usage: awk -v guest=ID -v first=K -v frames=N -v frame_us=F -v start_us=S
#            -v dur_us=D -v limit=CYCLES -f windows.awk CONSOLE EVENTS
# Prints "worst W" and one "frame K: ..." line per window missing or more
# than limit cycles late (K = first..first+N-1).
function hex(s,   i, v) {
    v = 0
    for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
    return v
}
FILENAME == ARGV[1] {
    if (!have0 && match($0, /frame 0 at Count [0-9a-f]+/)) {
        s = substr($0, RSTART + 17, RLENGTH - 17)
        t0c = hex(s); have0 = 1
    }
    next
}
NF >= 4 && $3 == "guest-entry" && $4 == guest { e[++ne] = $1 + 0 }
END {
    if (!have0) { print "no frame 0 line on the console"; exit }
    t0 = 2 * t0c; worst = 0; j = 1
    for (k = first; k < first + frames; k++) {
        want = t0 + 200 * (k * frame_us + start_us)
        while (j <= ne && e[j] < want - 100 * dur_us) j++
        if (j > ne || e[j] > want + 200 * dur_us) { print "frame " k ": missing"; continue }
        d = e[j] - want
        if (d < 0) d = -d
        if (d > worst) worst = d
        if (d > limit) print "frame " k ": " d " cycles late"
    }
    print "worst " worst
}
