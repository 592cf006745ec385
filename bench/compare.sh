#!/usr/bin/env bash
# Compares tline with jq on synthetic timelines of 10k, 100k and 1M events (issue 6) and
# prints Markdown tables ready to paste into the README, with the machine they ran on.
#
#   bench/compare.sh                      # everything, 5 runs each (1M YAML skipped)
#   RUNS=3 SIZES="10000 100000" bench/compare.sh
#   YAML_1M=1 bench/compare.sh            # also load 1M events from YAML (slow, ~8 GB)
#
# Measures, per size: (a) load time of `tline check` for YAML, JSON and JSON Lines;
# (b) `tline list --actor actor-0 --format json` against jq making the same selection on
# the same JSON file, and their ratio; (c) the peak resident memory of `tline check`,
# also as a multiple of the file size. Times are medians of RUNS runs, after one warm-up
# run (the peak-memory run) that also puts the file in the page cache.
#
# Files are generated with `cargo run --release --example gen` and kept in
# target/compare/ until the generator changes. Progress goes to stderr, the tables to
# stdout: `bench/compare.sh > results.md` keeps only the tables.

set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${RUNS:-5}
SIZES=${SIZES:-"10000 100000 1000000"}
YAML_1M=${YAML_1M:-0}
SEED=${SEED:-1}
ACTOR=${ACTOR:-actor-0}
DIR=target/compare
TLINE=target/release/tline
GEN=target/release/examples/gen
# Generated files pass tline's default 256 MiB limit at 1M events.
MAX_FILE_SIZE=$((1 << 40))

die() {
	echo "compare.sh: $*" >&2
	exit 1
}
say() { echo "$*" >&2; }

command -v cargo >/dev/null || die "cargo is required (https://rustup.rs)"
command -v jq >/dev/null || die "jq is required for the comparison (apt-get install jq, brew install jq)"
[[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1 ||
	die "GNU time at /usr/bin/time is required for peak memory (apt-get install time)"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, not '$RUNS'"
RUNS_TEXT="$RUNS run$([[ $RUNS == 1 ]] || echo s)"
for n in $SIZES; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || die "SIZES must hold positive whole numbers, not '$n'"
done

# Microseconds since the epoch: bash 5's EPOCHREALTIME (no fork), else date.
now_us() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		local t=$EPOCHREALTIME
		echo "${t//[!0-9]/}"
	else
		echo $(($(date +%s%N) / 1000))
	fi
}

# The median of the numbers on stdin, one a line.
median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) exit 1
		if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2
	}'
}

ERR=$(mktemp)
TIMES=$(mktemp)
trap 'rm -f "$ERR" "$TIMES"' EXIT

# median_us CMD...: runs CMD RUNS times (stdout discarded) and prints the median wall
# time in microseconds; fails, with CMD's stderr in $ERR, if any run fails.
median_us() {
	: >"$TIMES"
	local i t0 t1
	for ((i = 0; i < RUNS; i++)); do
		t0=$(now_us)
		"$@" >/dev/null 2>"$ERR" || return 1
		t1=$(now_us)
		echo $((t1 - t0)) >>"$TIMES"
	done
	median <"$TIMES"
}

# peak_kb CMD...: runs CMD once under GNU time and prints its peak RSS in KiB.
peak_kb() {
	local out
	out=$(mktemp)
	if ! /usr/bin/time -v -o "$out" "$@" >/dev/null 2>"$ERR"; then
		rm -f "$out"
		return 1
	fi
	awk -F': *' '/Maximum resident set size/ { print $2 }' "$out"
	rm -f "$out"
}

fmt_time() { # µs → "12.3 ms" / "1.52 s"
	awk -v us="$1" 'BEGIN {
		if (us >= 1e6) printf "%.2f s", us / 1e6
		else if (us >= 1e4) printf "%.0f ms", us / 1e3
		else printf "%.1f ms", us / 1e3
	}'
}
fmt_bytes() { # bytes → "5.9 MB" / "1.23 GB"
	awk -v b="$1" 'BEGIN {
		if (b >= 1e9) printf "%.2f GB", b / 1e9
		else if (b >= 1e6) printf "%.1f MB", b / 1e6
		else printf "%.0f kB", b / 1e3
	}'
}
fmt_count() { # 1000000 → "1M", 100000 → "100k"
	awk -v n="$1" 'BEGIN {
		if (n >= 1e6 && n % 1e6 == 0) printf "%dM", n / 1e6
		else if (n >= 1e3 && n % 1e3 == 0) printf "%dk", n / 1e3
		else printf "%d", n
	}'
}
# The first line of the last error, without the directory, short enough for a table cell.
first_error() { head -n 1 "$ERR" | sed -E 's#^[^ ]*/##' | cut -c 1-80 | tr '|' '/'; }

say "Building tline and the generator (release)..."
cargo build --release --quiet --bin tline --example gen

mkdir -p "$DIR"
# gen_file N FORMAT: the path of the generated file, generating it if missing or stale.
gen_file() {
	local n=$1 fmt=$2 path="$DIR/events-$1-seed$SEED.$2" t0 t1
	if [[ ! -s $path || $GEN -nt $path ]]; then
		say "Generating $(fmt_count "$n") events as $fmt..."
		t0=$(now_us)
		"$GEN" --events "$n" --format "$fmt" --seed "$SEED" >"$path.tmp" ||
			die "the generator failed for $n events as $fmt"
		t1=$(now_us)
		mv "$path.tmp" "$path"
		say "  $path: $(fmt_bytes "$(stat -c %s "$path")") in $(fmt_time $((t1 - t0)))"
	fi
	echo "$path"
}

LOAD_ROWS=()
LIST_ROWS=()
NOTES=()
FAILED=0
JQ_FILTER="[.events[] | select(any(.actors[]?; . == \"$ACTOR\"))]"

for n in $SIZES; do
	label=$(fmt_count "$n")
	for fmt in yaml json jsonl; do
		if [[ $fmt == yaml && $n -ge 1000000 && $YAML_1M != 1 ]]; then
			NOTES+=("$label events from YAML skipped: serde_yaml needs about 30 s and 8 GB for it (YAML_1M=1 to include).")
			LOAD_ROWS+=("| $label | YAML | – | skipped | – | – |")
			continue
		fi
		path=$(gen_file "$n" "$fmt")
		size=$(stat -c %s "$path")
		say "Loading $label events from $fmt ($RUNS_TEXT)..."
		check=("$TLINE" check --max-file-size "$MAX_FILE_SIZE" "$path")
		if kb=$(peak_kb "${check[@]}") && us=$(median_us "${check[@]}"); then
			ratio=$(awk -v kb="$kb" -v b="$size" 'BEGIN { printf "%.1f×", kb * 1024 / b }')
			LOAD_ROWS+=("| $label | ${fmt^^} | $(fmt_bytes "$size") | $(fmt_time "$us") | $(fmt_bytes $((kb * 1024))) | $ratio |")
		else
			FAILED=1
			LOAD_ROWS+=("| $label | ${fmt^^} | $(fmt_bytes "$size") | failed: $(first_error) | – | – |")
			say "  failed: $(first_error)"
		fi
	done

	json=$(gen_file "$n" json)
	size=$(stat -c %s "$json")
	say "Selecting the events of $ACTOR from $label events, tline and jq ($RUNS_TEXT each)..."
	list=("$TLINE" list --actor "$ACTOR" --format json --max-file-size "$MAX_FILE_SIZE" "$json")
	# Once, untimed: both must select the same events (and the file is now cached).
	if ! tline_count=$("${list[@]}" 2>"$ERR" | jq length); then
		FAILED=1
		LIST_ROWS+=("| $label | $(fmt_bytes "$size") | failed: $(first_error) | – | – | – | – |")
		say "  tline failed: $(first_error)"
		continue
	fi
	jq_count=$(jq "$JQ_FILTER | length" "$json")
	if [[ $tline_count != "$jq_count" ]]; then
		FAILED=1
		NOTES+=("$label: tline selected $tline_count events, jq $jq_count: the timings below do not compare like with like.")
		say "  MISMATCH: tline selected $tline_count events, jq $jq_count"
	fi
	jq_cmd=(jq -c "$JQ_FILTER" "$json")
	if t_us=$(median_us "${list[@]}") && j_us=$(median_us "${jq_cmd[@]}") &&
		j_kb=$(peak_kb "${jq_cmd[@]}"); then
		ratio=$(awk -v j="$j_us" -v t="$t_us" 'BEGIN { printf "%.1f×", j / t }')
		LIST_ROWS+=("| $label | $(fmt_bytes "$size") | $tline_count | $(fmt_time "$t_us") | $(fmt_time "$j_us") | $ratio | $(fmt_bytes $((j_kb * 1024))) |")
	else
		FAILED=1
		LIST_ROWS+=("| $label | $(fmt_bytes "$size") | $tline_count | failed: $(first_error) | – | – | – |")
		say "  failed: $(first_error)"
	fi
done

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git status --porcelain 2>/dev/null) ]]; then commit="$commit (with local changes)"; fi

cat <<EOF

Load time (\`tline check FILE\`, median of $RUNS_TEXT) and peak memory (maximum resident set size, GNU time):

| events | format | file size | load time | peak memory | memory / file size |
|---:|---|---:|---:|---:|---:|
$(printf '%s\n' "${LOAD_ROWS[@]}")

Selecting the events of one actor from the JSON file, median of $RUNS_TEXT:
\`tline list --actor $ACTOR --format json FILE\` against \`jq -c '$JQ_FILTER' FILE\`.

| events | JSON file | events selected | tline | jq | jq / tline | jq peak memory |
|---:|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${LIST_ROWS[@]}")

Measured on: ${cpu:-unknown CPU}, $(nproc) cores, ${mem:-unknown} RAM; $(uname -sr); $(jq --version); tline $commit; $(date -u +%Y-%m-%d).
EOF
for note in ${NOTES[@]+"${NOTES[@]}"}; do
	echo
	echo "$note"
done
if [[ $FAILED == 1 ]]; then
	say "compare.sh: some measurements failed (see the tables)"
	exit 1
fi
