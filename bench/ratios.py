#!/usr/bin/env python3
"""The table of bench/compare.sh: labbook's seconds per epoch against Keras on JAX and on TensorFlow.

    python3 bench/ratios.py LABBOOK.json KERAS_JAX.json KERAS_TF.json

LABBOOK.json is `labbook bench --json`; the two others are bench/keras_bench.py --json.
A speed-up is Keras's median seconds per epoch over labbook's (above 1: labbook is faster).
Standard library only, so any python3 runs it.
"""

import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def by_name(document):
    return {b["name"]: b for b in document.get("benchmarks", [])}


def seconds(row):
    return None if row is None else row.get("secondsPerEpoch")


def fmt(value, pattern, width, suffix=""):
    return ("—" if value is None else format(value, pattern) + suffix).rjust(width)


def ratio(keras, labbook):
    return None if keras is None or not labbook else keras / labbook


def accuracy(row):
    value = None if row is None else row.get("valAccuracy")
    return "—" if value is None else f"{value:.4f}"


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__.strip())
    labbook, jax, tf = (load(p) for p in argv[1:])
    ceiling = labbook.get("sgemmCeilingGflops")
    ours, on_jax, on_tf = by_name(labbook), by_name(jax), by_name(tf)
    names = list(ours) + [n for n in list(on_jax) + list(on_tf) if n not in ours]
    names = list(dict.fromkeys(names))

    engine = labbook.get("engine", {})
    print(f"labbook {engine.get('version', '?')} ({engine.get('blas', '?')}), "
          f"{labbook.get('threads', '?')} thread(s); sgemm ceiling {fmt(ceiling, '.1f', 0)} GFLOP/s")
    print(f"Keras {jax.get('keras', '?')} on {jax.get('backend_version', jax.get('backend', '?'))}; "
          f"Keras {tf.get('keras', '?')} on {tf.get('backend_version', tf.get('backend', '?'))}")
    print()
    header = (f"{'bench':<5}  {'labbook s/ep':>12}  {'Keras/JAX':>9}  {'Keras/TF':>8}  "
              f"{'vs JAX':>7}  {'vs TF':>7}  {'GFLOP/s':>7}  {'of ceiling':>10}  val acc labbook / JAX / TF")
    print(header)
    print("-" * len(header))
    for name in names:
        ours_row = ours.get(name)
        s, j, t = seconds(ours_row), seconds(on_jax.get(name)), seconds(on_tf.get(name))
        gflops = None if ours_row is None else ours_row.get("gflops")
        share = None if gflops is None or not ceiling else 100 * gflops / ceiling
        vs_jax, vs_tf = ratio(j, s), ratio(t, s)
        print(f"{name:<5}  {fmt(s, '.3f', 12)}  {fmt(j, '.3f', 9)}  {fmt(t, '.3f', 8)}  "
              f"{fmt(vs_jax, '.2f', 7, '×')}  {fmt(vs_tf, '.2f', 7, '×')}  "
              f"{fmt(gflops, '.1f', 7)}  {fmt(share, '.1f', 10, '%')}  "
              f"{accuracy(ours_row)} / {accuracy(on_jax.get(name))} / {accuracy(on_tf.get(name))}")
    print()
    print("s/ep: median seconds per epoch (B4: per prediction of the 10,000 test images);"
          " vs JAX, vs TF: Keras's s/ep over labbook's, above 1× labbook is faster;"
          " GFLOP/s and of ceiling: labbook's.")


if __name__ == "__main__":
    main(sys.argv)
