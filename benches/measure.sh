# Sourced by the benchmark scripts: measure LABEL COMMAND... runs COMMAND $runs times and
# prints the label, the fastest, median and slowest wall time in ms and causes[0] of its JSON.
measure() {
  local label=$1; shift
  local times=() cause="" t0 t1 out sorted
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    out=$("$@" 2>/dev/null || true)
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
    cause=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["causes"][0]["code"])' 2>/dev/null || echo "?")
  done
  IFS=$'\n' sorted=($(sort -n <<<"${times[*]}")); unset IFS
  printf '%-28s %8s %8s %8s  %s\n' "$label" "${sorted[0]}" "${sorted[$(( ${#sorted[@]} / 2 ))]}" "${sorted[-1]}" "$cause"
}
