#!/usr/bin/env bash
# Runs `labbook bench` and the same reference models in Keras 3 on JAX and on TensorFlow, one
# after the other on this machine, and prints the ratios (bench/README.md). Not part of `make test`.
#
#   bench/compare.sh [--epochs N] [--only LIST] [--threads N] [--data DIR] [--out DIR]
#
#   --epochs N    epochs per training benchmark, B4: predictions timed (default 3)
#   --only LIST   benchmarks, comma-separated (default B1,B2,B3,B5,B6)
#   --threads N   labbook's engine threads (default: every vCPU, `nproc`)
#   --data DIR    Fashion-MNIST IDX gzip files (default /usr/share/datasets/fashion-mnist)
#   --out DIR     keep the three JSON files there (default: a temporary folder, removed)
#
# LABBOOK names the labbook binary (default .build/release/labbook: `make build`). The Keras
# virtual environment is .build/keras-venv, made and filled with the pins below when they are
# missing (a few hundred MB from PyPI, once).
set -euo pipefail

PINS=("keras==3.15.1" "tensorflow-cpu==2.21.0" "jax[cpu]==0.10.2")

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }
absolute() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }

epochs=3
only=B1,B2,B3,B5,B6
threads=$(nproc)
data=/usr/share/datasets/fashion-mnist
out=
while (($#)); do
    case $1 in
        --epochs) epochs=${2:?--epochs needs a value}; shift 2 ;;
        --only) only=${2:?--only needs a value}; shift 2 ;;
        --threads) threads=${2:?--threads needs a value}; shift 2 ;;
        --data) data=$(absolute "${2:?--data needs a value}"); shift 2 ;;
        --out) out=$(absolute "${2:?--out needs a value}"); shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "compare.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
labbook=
[[ -z ${LABBOOK:-} ]] || labbook=$(absolute "$LABBOOK")

cd "$(dirname "$0")/.."
root=$PWD
labbook=${labbook:-$root/.build/release/labbook}
if [[ ! -x $labbook ]]; then
    echo "compare.sh: no labbook binary at $labbook (build it with 'make build', or set LABBOOK)" >&2
    exit 1
fi

venv=$root/.build/keras-venv
python=$venv/bin/python
if [[ ! -x $python ]]; then
    echo "compare.sh: making the Keras virtual environment in $venv" >&2
    python3 -m venv "$venv"
    "$python" -m pip install --quiet --upgrade pip
fi
# The pins, checked by their installed metadata (no import): installed only when one is missing.
if ! "$python" - "${PINS[@]}" <<'EOF'
import re, sys
from importlib.metadata import version, PackageNotFoundError
for pin in sys.argv[1:]:
    name, wanted = re.sub(r"\[.*\]", "", pin).split("==")
    try:
        if version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
EOF
then
    echo "compare.sh: installing ${PINS[*]} into $venv" >&2
    "$python" -m pip install --quiet "${PINS[@]}"
fi

if [[ -n $out ]]; then
    mkdir -p "$out"
else
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi

echo "== labbook bench --only $only --epochs $epochs --threads $threads" >&2
"$labbook" bench --only "$only" --epochs "$epochs" --threads "$threads" --data "$data" --json "$out/labbook.json"

# Keras gets the environment without labbook's OpenBLAS settings; it picks its own threads.
for backend in jax tensorflow; do
    echo "== Keras on $backend" >&2
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE KERAS_BACKEND="$backend" \
        "$python" "$root/bench/keras_bench.py" --only "$only" --epochs "$epochs" --data "$data" \
        --json "$out/keras-$backend.json"
done

echo
"$python" "$root/bench/ratios.py" "$out/labbook.json" "$out/keras-jax.json" "$out/keras-tensorflow.json"
