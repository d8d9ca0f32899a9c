#!/usr/bin/env python3
"""Mutation fuzzing of `rc-lsp dump-ast` against CPython on the standard library.

Usage: python3 scripts/ast_fuzz.py [SEED] [COUNT] [--rc-lsp PATH]

Each case is a stretch of a stdlib file with one mutation (a line deleted, a character deleted or inserted, a
line duplicated, the file cut short). For every case it checks that rc-lsp neither crashes nor hangs, that it
accepts exactly what CPython accepts with an identical dump, and, for rejected cases, whether the first error
(message and line) is the one CPython reports. Failing cases are written to /tmp/ast_fuzz/.
"""
import ast
import os
import random
import subprocess
import sys
import sysconfig


def main():
    argv = sys.argv[1:]
    binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "rc-lsp")
    if "--rc-lsp" in argv:
        k = argv.index("--rc-lsp"); binary = argv[k + 1]; del argv[k:k + 2]
    seed = int(argv[0]) if argv else 1
    count = int(argv[1]) if len(argv) > 1 else 300
    root = sysconfig.get_paths()["stdlib"]
    files = []
    for r, d, n in os.walk(root):
        d[:] = sorted(x for x in d if x not in ("site-packages", "__pycache__"))
        files += [os.path.join(r, f) for f in sorted(n) if f.endswith(".py")]
    rng = random.Random(seed)
    out_dir = "/tmp/ast_fuzz"
    os.makedirs(out_dir, exist_ok=True)
    stats = {"accepted, identical": 0, "rejected by both": 0, "first error as CPython's": 0,
             "crash or hang": 0, "accept/reject differs": 0, "dump differs": 0}
    for it in range(count):
        lines = open(rng.choice(files), "rb").read().split(b"\n")
        if len(lines) > 200:
            s = rng.randrange(len(lines) - 100)
            lines = lines[s:s + 100]
        k = rng.randrange(len(lines))
        op = rng.randrange(5)
        if op == 0:
            del lines[k]
        elif op == 1 and lines[k]:
            j = rng.randrange(len(lines[k])); lines[k] = lines[k][:j] + lines[k][j + 1:]
        elif op == 2 and lines[k]:
            j = rng.randrange(len(lines[k]))
            lines[k] = lines[k][:j] + bytes([rng.choice(b"()[]{}:,='\"#\\ \t.*@")]) + lines[k][j:]
        elif op == 3:
            lines.insert(k, lines[rng.randrange(len(lines))])
        else:
            lines = lines[:k]
        data = b"\n".join(lines)
        path = os.path.join(out_dir, "case.py")
        open(path, "wb").write(data)
        expected, cpython_error = None, None
        try:
            expected = ast.dump(ast.parse(data), include_attributes=True)
        except SyntaxError as e:
            cpython_error = (e.msg, e.lineno)
        except (ValueError, MemoryError, RecursionError):
            pass
        try:
            r = subprocess.run([binary, "dump-ast", path], capture_output=True, timeout=10)
        except subprocess.TimeoutExpired:
            r = None
        if r is None or r.returncode not in (0, 1):
            stats["crash or hang"] += 1
            open(os.path.join(out_dir, "crash_%d.py" % it), "wb").write(data)
            continue
        got = r.stdout.decode("utf-8", "surrogateescape").rstrip("\n") if r.returncode == 0 else None
        if (got is None) != (expected is None):
            stats["accept/reject differs"] += 1
            open(os.path.join(out_dir, "verdict_%d.py" % it), "wb").write(data)
        elif got is not None:
            if got == expected:
                stats["accepted, identical"] += 1
            else:
                stats["dump differs"] += 1
                open(os.path.join(out_dir, "dump_%d.py" % it), "wb").write(data)
        else:
            stats["rejected by both"] += 1
            first = r.stdout.decode("utf-8", "replace").splitlines()[0]
            where, _, message = first.partition(": error: ")
            line = int(where.rsplit(":", 2)[1]) if where.count(":") >= 2 else -1
            if cpython_error == (message, line):
                stats["first error as CPython's"] += 1
            else:
                open(os.path.join(out_dir, "message_%d.py" % it), "wb").write(data)
    for key, value in stats.items():
        print(f"{key}: {value}")
    bad = stats["crash or hang"] + stats["accept/reject differs"] + stats["dump differs"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
