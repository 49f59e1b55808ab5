#!/usr/bin/env python3
"""Keras 3 counterpart of `labbook bench`: the same reference models, data and timing.

The backend is Keras's own choice, the KERAS_BACKEND environment variable (jax or
tensorflow), read when keras is imported:

    KERAS_BACKEND=jax python bench/keras_bench.py --only B1,B2,B3,B5,B6 --epochs 3 --json OUT.json

One line per benchmark goes to standard error; --json writes
{"backend", "keras", "backend_version", "benchmarks": [{"name", "secondsPerEpoch",
"epochSeconds", "valAccuracy"}]}. bench/compare.sh runs it next to labbook.
"""

import argparse
import gzip
import json
import os
import struct
import sys
import time

# Quiet TensorFlow's C++ start-up lines; keep any the caller asked for.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

NAMES = ["B1", "B2", "B3", "B4", "B5", "B6"]
DEFAULT_DATA = "/usr/share/datasets/fashion-mnist/"


def read_idx(path, magic):
    """The array of one gzip IDX file: uint8 images (n, 28, 28) or labels (n,)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    found, count = struct.unpack(">II", data[:8])
    if found != magic:
        sys.exit(f"error: {path}: IDX magic {found}, expected {magic}")
    if magic == 2051:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, rows, cols)
    return np.frombuffer(data, dtype=np.uint8, offset=8).reshape(count)


def load_data(folder):
    def images(name):
        return read_idx(os.path.join(folder, name), 2051).astype("float32") / 255.0

    def labels(name):
        return read_idx(os.path.join(folder, name), 2049).astype("int64")

    return ((images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz")),
            (images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz")))


def batch_size(name):
    return 128 if name == "B6" else 64


def build_model(keras, name):
    """The model of benchmark `name`, compiled as labbook's bench compiles it."""
    L = keras.layers
    layers = [keras.Input(shape=(28, 28))]
    if name in ("B1", "B4"):
        layers += [L.Flatten(), L.Dense(128, activation="sigmoid"), L.Dense(10, activation="softmax")]
    elif name == "B2":
        layers += [L.Flatten(), L.Dense(1024, activation="sigmoid"), L.Dense(10, activation="softmax")]
    elif name == "B3":
        layers.append(L.Flatten())
        for _ in range(3):
            layers += [L.Dense(256, activation="relu", kernel_initializer="random_normal",
                               bias_initializer="random_normal"),
                       L.BatchNormalization(), L.Dropout(0.2)]
        layers.append(L.Dense(10, activation="softmax"))
    elif name == "B5":
        layers += [L.Reshape((28, 28, 1)),
                   L.Conv2D(32, 3, activation="relu"), L.MaxPooling2D(2),
                   L.Conv2D(64, 3, activation="relu"), L.MaxPooling2D(2),
                   L.Flatten(), L.Dropout(0.5), L.Dense(10, activation="softmax")]
    elif name == "B6":
        layers += [L.Flatten(), L.Dropout(0.1)]
        for units in (1024, 512):
            layers += [L.Dense(units, activation="relu"), L.BatchNormalization(), L.Dropout(0.3)]
        layers.append(L.Dense(10, activation="softmax"))
    else:
        raise ValueError(name)
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


def median(values):
    # As labbook's bench takes it: the upper middle of the sorted times.
    return sorted(values)[len(values) // 2]


def run(keras, name, epochs, train, test):
    keras.utils.set_random_seed(0)  # each benchmark starts from seed 0, as labbook's does
    model = build_model(keras, name)
    if name == "B4":
        model.fit(train[0], train[1], epochs=1, batch_size=64, verbose=0)
        times = []
        for _ in range(max(1, epochs)):
            start = time.perf_counter()
            model.predict(test[0], verbose=0)  # Keras's default batch size
            times.append(time.perf_counter() - start)
        return {"name": name, "secondsPerEpoch": median(times), "epochSeconds": times, "valAccuracy": None}

    class EpochTimer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.seconds = []
            self._start = 0.0

        def on_epoch_begin(self, epoch, logs=None):
            self._start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            # on_epoch_end runs after the validation pass, so it is counted.
            self.seconds.append(time.perf_counter() - self._start)

    timer = EpochTimer()
    history = model.fit(train[0], train[1], epochs=epochs, batch_size=batch_size(name),
                        validation_data=test, verbose=0, callbacks=[timer])
    val = history.history.get("val_accuracy")
    return {"name": name, "secondsPerEpoch": median(timer.seconds), "epochSeconds": timer.seconds,
            "valAccuracy": float(val[-1]) if val else None}


def backend_version(backend):
    if backend == "jax":
        import jax
        import jaxlib
        return f"jax {jax.__version__}, jaxlib {jaxlib.__version__}"
    if backend == "tensorflow":
        import tensorflow as tf
        return f"tensorflow {tf.__version__}"
    if backend == "torch":
        import torch
        return f"torch {torch.__version__}"
    return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(NAMES), help="benchmarks, comma-separated (default: all)")
    parser.add_argument("--epochs", type=int, default=3, help="epochs per training benchmark (B4: predictions)")
    parser.add_argument("--data", default=DEFAULT_DATA, help="folder with the Fashion-MNIST IDX gzip files")
    parser.add_argument("--json", help="write the figures as JSON to this file")
    args = parser.parse_args()
    names = [n.strip().upper() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r}; the benchmarks are {', '.join(NAMES)}")
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")

    import keras  # after the environment is set: KERAS_BACKEND is read here

    backend = keras.backend.backend()
    train, test = load_data(args.data)
    document = {"backend": backend, "keras": keras.__version__, "backend_version": backend_version(backend),
                "benchmarks": []}
    print(f"Keras {keras.__version__} on {document['backend_version']}", file=sys.stderr, flush=True)
    for name in names:
        result = run(keras, name, args.epochs, train, test)
        document["benchmarks"].append(result)
        acc = "—" if result["valAccuracy"] is None else f"{result['valAccuracy']:.4f}"
        epochs = " ".join(f"{s:.3f}" for s in result["epochSeconds"])
        print(f"{name} [{backend}]: {result['secondsPerEpoch']:.3f} s/epoch (median of {epochs}), val acc {acc}",
              file=sys.stderr, flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(document, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
