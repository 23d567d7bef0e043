#!/usr/bin/env python3
"""Window timing from vpsim --events: every window of FRAMES major frames
must start (its guest's first instruction) within LIMIT cycles of its
configured time. Usage: windows.py CONSOLE EVENTS FRAMES LIMIT FRAME_US
START_US:DUR_US:ID ... (cycles = 2 x Count: Count runs at SYSCLK / 2)."""
import re, sys

console, events, frames, limit, frame_us = sys.argv[1:6]
frames, limit, frame_us = int(frames), int(limit), int(frame_us)
wins = [tuple(int(x) for x in w.split(':')) for w in sys.argv[6:]]
m = re.search(r'frame 0 at Count ([0-9a-f]+)', open(console).read())
if not m:
    sys.exit("no 'frame 0 at Count' line on the console")
t0 = 2 * int(m.group(1), 16)
entries = {}
for line in open(events):
    f = line.split()
    if len(f) >= 4 and f[2] == 'guest-entry':
        entries.setdefault(int(f[3]), []).append(int(f[0]))
worst, n, bad = 0, 0, []
import bisect
for k in range(frames):
    for start, dur, gid in wins:
        want = t0 + 200 * (k * frame_us + start)
        e = entries.get(gid, [])
        i = bisect.bisect_left(e, want - 200 * dur // 2)
        if i == len(e) or e[i] > want + 200 * dur:
            bad.append(f"frame {k} window of guest {gid}: never entered")
            continue
        d = e[i] - want
        n += 1
        worst = max(worst, abs(d))
        if abs(d) > limit:
            bad.append(f"frame {k} window of guest {gid}: starts {d:+d} cycles off")
print(f"windows: {n} window starts over {frames} frames, worst {worst} cycles off", file=sys.stderr)
print("; ".join(bad[:3]) + (f" (+{len(bad) - 3} more)" if len(bad) > 3 else ""))
