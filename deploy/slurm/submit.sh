#!/usr/bin/env bash
# Grades a class on a Slurm cluster: one array task per shard (grade-array.sbatch), then a
# collect job that merges the shards into one gradebook (collect.sbatch). See docs/cluster.md.
#
#   deploy/slurm/submit.sh MASTER.md SUBMISSION_OR_FOLDER... --shards N --output DIR
#       [--jobs J] [--timeout S] [--memory MB] [--partition P] [--account A] [--qos Q]
#       [--setup FILE] [--labbook PATH]
#
# Writes, in DIR: stage/ID/ (the labbook binary and the master, copied once per submission so
# that a rebuild or an edit while the jobs queue changes nothing), shards/shard-K/ (each
# shard's gradebook), logs/ (each job's output) and gradebook/ (the merged gradebook).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    sed -n '5,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

fail() {
    echo "submit.sh: $*" >&2
    exit 2
}

positive_integer() { # NAME VALUE
    [[ $2 =~ ^[1-9][0-9]*$ ]] || fail "$1 must be a positive whole number, not '$2'"
}

# labbook's own defaults (docs/classroom.md), so that the limits asked of Slurm match the ones
# labbook enforces.
shards="" output="" jobs=1 timeout=1800 memory=4096 partition="" account="" qos="" setup=""
labbook=${LABBOOK:-}
inputs=()
while [ $# -gt 0 ]; do
    case $1 in
        --shards|--output|--jobs|--timeout|--memory|--partition|--account|--qos|--setup|--labbook)
            [ $# -ge 2 ] || fail "$1 needs a value"
            case $1 in
                --shards) shards=$2 ;;
                --output) output=$2 ;;
                --jobs) jobs=$2 ;;
                --timeout) timeout=$2 ;;
                --memory) memory=$2 ;;
                --partition) partition=$2 ;;
                --account) account=$2 ;;
                --qos) qos=$2 ;;
                --setup) setup=$2 ;;
                --labbook) labbook=$2 ;;
            esac
            shift 2 ;;
        -h|--help) usage ;;
        --) shift; inputs+=("$@"); break ;;
        -*) fail "unknown option $1" ;;
        *) inputs+=("$1"); shift ;;
    esac
done

[ ${#inputs[@]} -ge 2 ] || { echo "submit.sh: a master and at least one submission are needed" >&2; usage; }
[ -n "$shards" ] || fail "--shards N is required"
[ -n "$output" ] || fail "--output DIR is required"
positive_integer --shards "$shards"
positive_integer --jobs "$jobs"
positive_integer --timeout "$timeout"
positive_integer --memory "$memory"
[ -z "$setup" ] || [ -f "$setup" ] || fail "--setup $setup is not a file"

master=${inputs[0]}
[ -f "$master" ] || fail "the master $master is not a file"
[[ $master == *.md ]] || fail "the master $master is not a .md notebook"

# Submissions as the teacher names them (a folder stands for the .md files in it; students'
# folders are named by their files, entregas/*/actividad.md), relative paths kept as they are:
# the jobs run in this folder, so the gradebook records the file names a local `labbook grade`
# run here would.
submissions=()
for input in "${inputs[@]:1}"; do
    if [ -d "$input" ]; then
        found=0
        while IFS= read -r -d '' file; do
            submissions+=("$file")
            found=$((found + 1))
        done < <(find "${input%/}" -mindepth 1 -maxdepth 1 -name '*.md' -type f -print0 | sort -z)
        [ "$found" -gt 0 ] || fail "the folder $input has no .md submission"
    elif [ -f "$input" ]; then
        submissions+=("$input")
    else
        fail "the submission $input is neither a file nor a folder"
    fi
done
count=${#submissions[@]}
[ "$shards" -le "$count" ] || fail "--shards $shards is more than there are submissions ($count)"

if [ -z "$labbook" ]; then
    if [ -x "$here/../../.build/release/labbook" ]; then
        labbook=$here/../../.build/release/labbook
    else
        labbook=$(command -v labbook) || fail "no labbook binary: build it (make build) or pass --labbook PATH"
    fi
fi
[ -x "$labbook" ] || fail "the labbook binary $labbook is not executable"
"$labbook" grade --help 2>/dev/null | grep -q -- '--shard' ||
    fail "$labbook has no 'grade --shard': it is older than the Slurm scripts"
command -v sbatch >/dev/null || fail "sbatch not found: run this on a Slurm submit host (or load Slurm's module)"

# The limits of one array task: its shard's submissions run --jobs at a time, each for at most
# --timeout seconds and --memory MB (labbook's own limits), on top of the grade that runs them.
# A shard holds at most ceil(count / shards) submissions (labbook's split is balanced).
per_shard=$(( (count + shards - 1) / shards ))
waves=$(( (per_shard + jobs - 1) / jobs ))
headroom_seconds=300   # starting up, writing the shard's overview, a slow shared filesystem
headroom_mb=1024       # the grade process itself, which holds the shard's gradebook
task_minutes=$(( (waves * timeout + headroom_seconds + 59) / 60 ))
task_mb=$(( jobs * memory + headroom_mb ))

mkdir -p "$output"
output=$(cd "$output" && pwd)
mkdir -p "$output/stage" "$output/shards" "$output/logs"
stage=$(mktemp -d "$output/stage/$(date +%Y%m%d-%H%M%S)-XXXX")
cp "$labbook" "$stage/labbook"   # one file: labbook has no resources, and grade runs itself again
cp "$master" "$stage/$(basename "$master")"
printf '%s\0' "${submissions[@]}" > "$stage/submissions"
[ -z "$setup" ] || cp "$setup" "$stage/setup.sh"

name=$(basename "$master" .md)
site=()
[ -z "$partition" ] || site+=("--partition=$partition")
[ -z "$account" ] || site+=("--account=$account")
[ -z "$qos" ] || site+=("--qos=$qos")

array_id=$(sbatch --parsable "${site[@]}" \
    --job-name="labbook-grade-$name" \
    --array="0-$((shards - 1))" \
    --cpus-per-task="$jobs" --mem="${task_mb}M" --time="$task_minutes" \
    --chdir="$PWD" --output="$output/logs/grade-%A_%a.out" \
    "$here/grade-array.sbatch" "$stage" "$output" "$shards" "$timeout" "$memory")
array_id=${array_id%%;*}   # --parsable prints "ID" or "ID;CLUSTER"

if ! collect_id=$(sbatch --parsable "${site[@]}" \
    --job-name="labbook-collect-$name" \
    --dependency="afterany:$array_id" \
    --cpus-per-task=1 --mem=2048M --time=30 \
    --chdir="$PWD" --output="$output/logs/collect-%j.out" \
    "$here/collect.sbatch" "$stage" "$output" "$shards"); then
    echo "submit.sh: the shards are job $array_id, but the collect job was refused (above):" \
        "scancel $array_id, or merge by hand once it ends (deploy/slurm/collect.sbatch)" >&2
    exit 1
fi
collect_id=${collect_id%%;*}

echo "staged $(basename "$labbook") and $(basename "$master") in $stage"
echo "shards: job $array_id, array 0-$((shards - 1)): $count submissions, at most $per_shard a shard" \
    "(--cpus-per-task=$jobs --mem=${task_mb}M --time=$task_minutes)"
echo "collect: job $collect_id, after every shard ends (afterany)"
echo "gradebook: $output/gradebook (logs in $output/logs)"
