#!/usr/bin/env bash
# Reproduces the whole-program figures of docs/performance.md, each beside its anchor measured
# in the same run: commands against ripgrep reading the same files, the first frame of the
# home screen against an `echo` in the same tmux, memory, and 20,000 placements with a cold
# file cache. Needs hyperfine, ripgrep, tmux, strace and GNU time (apt-get install hyperfine
# ripgrep tmux strace time). Dropping the file cache needs root; without it that line says so.
#
#   benches/measure.sh            # 6 and 4,000 placements
#   LARGE=1 benches/measure.sh    # also 20,000 (about 300 MB and a minute to make)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin="$PWD/target/release/stagegesprek"
work="${WORK:-/tmp/stagegesprek-measure}"
mkdir -p "$work/config"
export STAGEGESPREK_CONFIG_DIR="$work/config"

make() { # make DIR COUNT: demo data, and its index built once
  [ -d "$1/placements" ] || "$bin" demo-data "$1" --placements "$2" >/dev/null
  STAGEGESPREK_DATA_DIR="$1" "$bin" list >/dev/null 2>&1
}

# Milliseconds from the program's start until its first frame holding $2 is written, from
# strace's clock, inside tmux at 80x24.
first_frame() { # first_frame DATA_DIR TEXT
  local log="$work/strace.log"
  rm -f "$log"
  tmux -L measure kill-server 2>/dev/null || true
  tmux -L measure new-session -d -x 80 -y 24 \
    "strace -f -tt -e trace=execve,write -o '$log' env STAGEGESPREK_DATA_DIR='$1' '$bin'"
  sleep 1.5
  tmux -L measure kill-server
  python3 - "$log" "$2" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
ms = lambda l: sum(float(p) * f for p, f in zip(l.split()[1].split(':'), (3600e3, 60e3, 1e3)))
start = next(l for l in lines if 'execve("' in l)
frame = next((l for l in lines if re.search(r'write\(1, ', l) and sys.argv[2] in l), None)
print(f"{ms(frame) - ms(start):.0f} ms" if frame else "not drawn", end="  ")
PY
}

anchor_frame() { # an echo in the same tmux, the same way
  local log="$work/strace.log"
  rm -f "$log"
  tmux -L measure new-session -d -x 80 -y 24 \
    "strace -f -tt -e trace=execve,write -o '$log' sh -c 'echo Stageplaatsen; sleep 1'"
  sleep 1.2
  tmux -L measure kill-server 2>/dev/null || true
  python3 - "$log" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
ms = lambda l: sum(float(p) * f for p, f in zip(l.split()[1].split(':'), (3600e3, 60e3, 1e3)))
start = next(l for l in lines if 'execve("' in l)
frame = next(l for l in lines if 'write(1, ' in l)
print(f"{ms(frame) - ms(start):.0f} ms", end="  ")
PY
}

drop_cache() {
  sync
  if [ "$(id -u)" -eq 0 ] && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then return 0; fi
  echo "(cannot drop the file cache here: needs root)"; return 1
}

make "$work/six" 6
make "$work/big" 4000
sizes="six big"
if [ -n "${LARGE:-}" ]; then make "$work/huge" 20000; sizes="$sizes huge"; fi


echo "== commands, 4,000 placements, beside ripgrep over the same files"
STAGEGESPREK_DATA_DIR="$work/big" hyperfine -N -w 3 -r 20 \
  "$bin list --json" "$bin search kassa" "rg -c --no-ignore --hidden . $work/big/placements"
echo "== a command about one placement, 4,000 beside 6"
for d in big six; do
  one=$(cd "$work/$d/placements" && ls -- */start.yaml | sed -n 1p | cut -d/ -f1)
  STAGEGESPREK_DATA_DIR="$work/$d" hyperfine -N -w 3 -r 15 \
    "$bin show $one/start" "$bin export $one/start -o -" "$bin prepare-form $one --moment tussen"
done
echo "== first frame with a row of the list (strace clock, tmux 80x24), five runs each"
echo -n "anchor echo: "; for _ in 1 2 3 4 5; do anchor_frame; done; echo
for d in $sizes; do
  echo -n "$d: "; for _ in 1 2 3 4 5; do first_frame "$work/$d" Stageplaa; done; echo
done
for d in $sizes; do
  echo -n "$d, cold file cache: "
  for _ in 1 2 3; do drop_cache && first_frame "$work/$d" Stageplaa; done; echo
done
echo "== back to the list from a session started with meet (strace clock: the Esc read to the list written)"
# Measured once the folder watch is set up (a few seconds at 20,000 under strace): until then
# its thread shares the two cores with the screen.
back_from_meet() { # back_from_meet DATA_DIR PLACEMENT
  local log="$work/strace.log"
  rm -f "$log"
  tmux -L measure kill-server 2>/dev/null || true
  sleep 0.2
  tmux -L measure new-session -d -x 80 -y 24 \
    "strace -f -tt -e trace=read,write -o '$log' env STAGEGESPREK_DATA_DIR='$1' '$bin' meet $2 --moment midway"
  sleep 4; tmux -L measure send-keys Escape; sleep 0.6; tmux -L measure send-keys Escape; sleep 0.8
  tmux -L measure kill-server 2>/dev/null || true
  python3 - "$log" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
ms = lambda l: sum(float(p) * f for p, f in zip(l.split()[1].split(':'), (3600e3, 60e3, 1e3)))
k = [i for i, l in enumerate(lines) if 'read(0, "\\33"' in l][-1]
frame = next((l for l in lines[k:] if 'write(1, ' in l and 'Stageplaa' in l), None)
print(f"{ms(frame) - ms(lines[k]):.1f} ms" if frame else "not drawn", end="  ")
PY
}
for d in $sizes; do
  one=$(cd "$work/$d/placements" && ls -- */start.yaml | sed -n 1p | cut -d/ -f1)
  echo -n "$d: "
  for _ in 1 2 3; do back_from_meet "$work/$d" "$one"; done
  echo
done
tmux -L measure kill-server 2>/dev/null || true
if [ -n "${LARGE:-}" ]; then
  echo "== 20,000 placements beside ripgrep"
  STAGEGESPREK_DATA_DIR="$work/huge" hyperfine -N -w 2 -r 10 \
    "$bin list --json" "rg -c --no-ignore --hidden . $work/huge/placements"
fi
echo "== memory: the program at 4,000 placements, searching and opening a story"
rm -f "$work/rss.txt"
sleep 0.3
tmux -L measure new-session -d -x 80 -y 24 \
  "/usr/bin/time -v -o '$work/rss.txt' env STAGEGESPREK_DATA_DIR='$work/big' '$bin'"
sleep 2; tmux -L measure send-keys C-f; sleep 0.3; tmux -L measure send-keys k a s s a
sleep 1; tmux -L measure send-keys Escape; sleep 0.3; tmux -L measure send-keys End C-l
sleep 0.5; tmux -L measure send-keys Escape; sleep 0.3; tmux -L measure send-keys Escape
sleep 1; grep "Maximum resident" "$work/rss.txt" || echo "the program did not end; no memory figure"
for c in "list --json" "search kassa"; do
  # shellcheck disable=SC2086
  STAGEGESPREK_DATA_DIR="$work/big" /usr/bin/time -v "$bin" $c 2>&1 >/dev/null \
    | sed -n "s/.*Maximum resident set size (kbytes): /$c: max resident kB /p"
done
