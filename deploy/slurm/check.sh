#!/usr/bin/env bash
# make slurm-check: grades a test class on a real Slurm cluster of one machine and compares
# the merged gradebook with a local `labbook grade` of the same class.
#
#   LABBOOK=.build/release/labbook deploy/slurm/check.sh [--smoke]
#
# Installs Debian's slurm-wlm and munge when missing, writes a throwaway slurm.conf for this
# host (a controller and a node on localhost, the node's CPUs and memory from `slurmd -C`),
# starts its own munged, slurmctld and slurmd on their own socket, ports and files in a
# temporary folder, submits the class with submit.sh in 3 shards, waits for the collect job
# and compares. It stops only the daemons it started, by their pid files, whatever happens.
# It never reads or writes /etc/slurm or /etc/munge, nor uses a munged or Slurm already there.
# --smoke runs a trivial array (one task failing) and a job after it instead (no labbook).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
class=$root/Tests/LabbookGradingTests/Class
shards=3
wait_seconds=${SLURM_CHECK_WAIT:-600}   # for the collect job, from submission
smoke=false
case ${1:-} in
    "") ;;
    --smoke) smoke=true ;;
    *) echo "usage: deploy/slurm/check.sh [--smoke]" >&2; exit 2 ;;
esac

say() { echo "slurm-check: $*"; }
fail() { echo "slurm-check: FAILED: $*" >&2; exit 1; }

if ! $smoke; then
    labbook=${LABBOOK:-$root/.build/release/labbook}
    [ -x "$labbook" ] || fail "no labbook binary at $labbook (make build, or LABBOOK=PATH)"
    labbook=$(cd "$(dirname "$labbook")" && pwd)/$(basename "$labbook")
    "$labbook" grade --help 2>/dev/null | grep -q -- '--shard' || fail "$labbook has no 'grade --shard'"
fi

[ "$(id -u)" = 0 ] || fail "the test cluster's daemons run as root (SlurmUser=root): run it as root"

# Debian's packages, installed only when missing (as the Makefile's deps does). Installing
# them may set up system services; those are left as the packages made them and not used.
missing=()
for package in slurm-wlm munge; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# munged refuses a socket folder that others cannot search: the folder is 0755, the key 0600.
work=$(mktemp -d /tmp/labbook-slurm-check.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log" "$work/run"
export SLURM_CONF=$work/slurm.conf

# Each daemon's pid is read from its pid file once it has started, and only those pids are
# stopped: the daemons of this check, never a system munged or Slurm.
declare -A pids=()
stop_daemons() {
    local name pid
    if [ -n "${pids[slurmctld]:-}" ] && [ -e "/proc/${pids[slurmctld]}" ]; then
        # Jobs still there (a failure part way) are cancelled so no slurmstepd outlives slurmd.
        local jobs
        jobs=$(squeue -h -o %A 2>/dev/null || true)
        if [ -n "$jobs" ]; then
            # shellcheck disable=SC2086  # one word per job id
            scancel $jobs 2>/dev/null || true
            for _ in $(seq 20); do
                [ -z "$(squeue -h -o %A 2>/dev/null || true)" ] && break
                sleep 0.5
            done
        fi
    fi
    for name in slurmd slurmctld munged; do
        pid=${pids[$name]:-}
        [ -n "$pid" ] || continue
        # Only if the pid is still that daemon's (not reused by another process since).
        if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 50); do
                [ -e "/proc/$pid" ] || break
                sleep 0.2
            done
            if [ -e "/proc/$pid" ]; then
                echo "slurm-check: $name ($pid) did not stop; killing it" >&2
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
        unset "pids[$name]"
    done
}
finish() {
    local status=$?
    stop_daemons
    if [ "$status" = 0 ]; then
        rm -rf "$work"
    else
        echo "slurm-check: the daemons' logs and the jobs' outputs are kept in $work" >&2
        for log in "$work"/log/*.log "$work"/munge/munged.log; do
            [ -f "$log" ] || continue
            echo "---- the end of $log" >&2
            tail -n 15 "$log" >&2
        done
    fi
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

# Waits until FILE holds a pid (the daemon has started), and records it under NAME.
record_pid() { # NAME FILE LOG
    for _ in $(seq 100); do
        if [ -s "$2" ]; then
            pids[$1]=$(cat "$2")
            return
        fi
        sleep 0.1
    done
    fail "$1 did not start (no $2): see $3"
}

# Ports nothing listens on (a Slurm already on this machine has 6817 and 6818).
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=16817
while port_taken "$port" || port_taken $((port + 1)); do
    port=$((port + 2))
    [ "$port" -lt 17817 ] || fail "no two free ports from 16817 on"
done

socket=$work/munge/munge.socket
mungekey --create --keyfile="$work/munge/munge.key"
munged --socket="$socket" --key-file="$work/munge/munge.key" --pid-file="$work/munge/munged.pid" \
    --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" ||
    fail "munged did not start: see $work/munge/munged.log"
record_pid munged "$work/munge/munged.pid" "$work/munge/munged.log"

# The node as slurmd sees this machine, named localhost.
node=$(slurmd -C | sed -n 's/^NodeName=[^ ]* //p')
[ -n "$node" ] || fail "slurmd -C described no node"
cat > "$SLURM_CONF" <<EOF
# A throwaway cluster of one machine for make slurm-check (deploy/slurm/check.sh).
ClusterName=labbook-check
SlurmctldHost=localhost
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
PlugStackConfig=$work/plugstack.conf
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SchedulerParameters=sched_interval=2
NodeName=localhost NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
: > "$work/plugstack.conf"   # no SPANK plugins (not Debian's /etc/slurm/plugstack.conf)

slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start: see $work/log/slurmctld.log"
record_pid slurmctld "$work/run/slurmctld.pid" "$work/log/slurmctld.log"
slurmd -f "$SLURM_CONF" -N localhost || fail "slurmd did not start: see $work/log/slurmd.log"
record_pid slurmd "$work/run/slurmd.pid" "$work/log/slurmd.log"

state=""
for _ in $(seq 60); do
    state=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
    [ "$state" = idle ] && break
    sleep 1
done
[ "$state" = idle ] || fail "the node is '${state:-unknown}', not idle, after 60 s"
say "munged, slurmctld and slurmd up (ports $port and $((port + 1))): $(sinfo -h -o '%P %D node, %c CPUs, %m MB')"

# The states of job ID's tasks, each once ("COMPLETED FAILED "), from scontrol (no slurmdbd,
# so no sacct); and a wait, bounded, until none of them is still to end.
job_state() { scontrol show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort -u | tr '\n' ' '; }
wait_for_job() { # ID DEADLINE
    local states
    while :; do
        states=$(job_state "$1")
        if [ -n "$states" ] && ! [[ $states =~ PENDING|CONFIGURING|RUNNING|COMPLETING|SUSPENDED|REQUEUE|RESIZING ]]; then
            return
        fi
        [ "$SECONDS" -lt "$2" ] || fail "job $1 still ${states:-unknown }after ${wait_seconds} s"
        sleep 1
    done
}

if $smoke; then
    cd "$work"
    start=$SECONDS
    # Task 1 fails, as a shard with a submission not graded does: the job after it runs anyway.
    # shellcheck disable=SC2016  # expanded in the job
    array_id=$(sbatch --parsable --array=0-$((shards - 1)) --time=2 --mem=100M --output="$work/smoke-%a.out" \
        --wrap 'echo "task $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT"; [ "$SLURM_ARRAY_TASK_ID" != 1 ]')
    collect_id=$(sbatch --parsable --dependency="afterany:$array_id" --time=2 --mem=100M \
        --output="$work/smoke-collect.out" --wrap "cat $work/smoke-[0-9]*.out")
    wait_for_job "$collect_id" $((start + wait_seconds))
    [ "$(job_state "$collect_id")" = "COMPLETED " ] || fail "the dependent job ended $(job_state "$collect_id")"
    [ "$(job_state "$array_id")" = "COMPLETED FAILED " ] || fail "the array ended $(job_state "$array_id")"
    expected=$(for ((k = 0; k < shards; k++)); do echo "task $k of $shards"; done)
    [ "$(cat "$work/smoke-collect.out")" = "$expected" ] || fail "the dependent job saw: $(cat "$work/smoke-collect.out")"
    say "an array of $shards tasks (one failing) and a job after it ran in $((SECONDS - start)) s"
    exit 0
fi

# The test class: a dozen students, each submitting a copy of one of five notebooks of the
# grading tests' class (the master itself, a partial answer, redefined names, a cheat, an
# escape attempt); their file names are the students.
mkdir -p "$work/class/entregas"
cp "$class/master.md" "$work/class/actividad.md"
students=(ana ben carla dario elena fran gema hugo ines juan kira luis)
kinds=(master partial redefine cheat escape)
for i in "${!students[@]}"; do
    cp "$class/${kinds[i % ${#kinds[@]}]}.md" "$work/class/entregas/${students[i]}.md"
done
cd "$work/class"
limits=(--timeout 120 --memory 1024)

start=$SECONDS
"$here/submit.sh" actividad.md entregas --shards "$shards" --output "$work/slurm" --labbook "$labbook" \
    "${limits[@]}" | tee "$work/submit.out"
array_id=$(sed -n 's/^shards: job \([0-9]*\).*/\1/p' "$work/submit.out")
collect_id=$(sed -n 's/^collect: job \([0-9]*\).*/\1/p' "$work/submit.out")
if [ -z "$array_id" ] || [ -z "$collect_id" ]; then fail "submit.sh printed no job ids"; fi
wait_for_job "$collect_id" $((start + wait_seconds))
slurm_seconds=$((SECONDS - start))

shard_states=$(job_state "$array_id")
collect_state=$(job_state "$collect_id")
for log in "$work"/slurm/logs/*.out; do
    echo "---- $(basename "$log")"
    cat "$log"
done
[ "$shard_states" = "COMPLETED " ] || fail "the shards ended $shard_states"
[ "$collect_state" = "COMPLETED " ] || fail "the collect job ended $collect_state"

start=$SECONDS
"$labbook" grade actividad.md entregas/*.md --output "$work/local" "${limits[@]}" > "$work/local.out" 2>&1 ||
    { cat "$work/local.out"; fail "the local labbook grade failed"; }
local_seconds=$((SECONDS - start))

# gradebook.csv without its seconds column (found by its header), fields split on the commas
# outside double quotes; gradebook.json with every "seconds" value the same.
csv_without_seconds() {
    awk '
        function split_fields(line, fields,   n, i, c, quoted, field) {
            n = 0; field = ""; quoted = 0
            for (i = 1; i <= length(line); i++) {
                c = substr(line, i, 1)
                if (c == "\"") quoted = !quoted
                if (c == "," && !quoted) { fields[++n] = field; field = "" } else field = field c
            }
            fields[++n] = field
            return n
        }
        {
            n = split_fields($0, fields)
            if (NR == 1) for (i = 1; i <= n; i++) if (fields[i] == "seconds") drop = i
            if (!drop) { print "no seconds column in " FILENAME > "/dev/stderr"; exit 1 }
            out = ""; separator = ""
            for (i = 1; i <= n; i++) if (i != drop) { out = out separator fields[i]; separator = "," }
            print out
        }' "$1"
}
json_without_seconds() { sed -E 's/"seconds" : -?[0-9][0-9.eE+-]*/"seconds" : 0/g' "$1"; }

merged=$work/slurm/gradebook
for file in gradebook.csv gradebook.json gradebook.sqlite index.html; do
    [ -f "$merged/$file" ] || fail "the merged gradebook has no $file"
done
for student in "${students[@]}"; do
    [ -f "$merged/$student/feedback.html" ] || fail "the merged gradebook has no $student/feedback.html"
done
diff <(csv_without_seconds "$work/local/gradebook.csv") <(csv_without_seconds "$merged/gradebook.csv") ||
    fail "the merged gradebook.csv differs from the local one's (above: < local, > merged)"
diff <(json_without_seconds "$work/local/gradebook.json") <(json_without_seconds "$merged/gradebook.json") ||
    fail "the merged gradebook.json differs from the local one's (above: < local, > merged)"
rows=$(($(wc -l < "$merged/gradebook.csv") - 1))
[ "$rows" = "${#students[@]}" ] || fail "the merged gradebook.csv has $rows rows, not ${#students[@]}"

say "the merged gradebook of ${#students[@]} submissions in $shards shards is the local grade's (but for seconds)"
say "wall time: Slurm $slurm_seconds s (submit.sh to the collect job's end), local labbook grade $local_seconds s"
