#!/usr/bin/env python3
"""Differential check of `rc-lsp dump-ast` against CPython's own `ast.dump(..., include_attributes=True)`.

Usage:
  python3 scripts/ast_compare.py [--all | DIR | FILE...] [--rc-lsp PATH] [--show N]

With no argument (or --all) it walks every .py file of this python3's standard library (tests included),
found via sysconfig. A file counts as identical when both dumps are byte-for-byte equal, or when CPython
rejects it and rc-lsp rejects it too. Prints `identical: N / M` and lists the first differing files.
"""
import ast
import os
import subprocess
import sys
import sysconfig
from concurrent.futures import ThreadPoolExecutor


def cpython_dump(path):
    try:
        with open(path, "rb") as f:
            src = f.read()
        return ast.dump(ast.parse(src), include_attributes=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError, UnicodeError):
        return None


def ours(binary, path):
    r = subprocess.run([binary, "dump-ast", path], capture_output=True)
    if r.returncode != 0:
        return None, (r.stdout + r.stderr).decode("utf-8", "replace")
    return r.stdout.decode("utf-8", "surrogateescape").rstrip("\n"), ""


def collect(args):
    if not args or args == ["--all"]:
        args = [sysconfig.get_paths()["stdlib"]]
    files = []
    for a in args:
        if os.path.isdir(a):
            for root, dirs, names in os.walk(a):
                dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
                files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".py"))
        else:
            files.append(a)
    return files


def main():
    argv = sys.argv[1:]
    binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "rc-lsp")
    if not os.path.exists(binary):
        binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "debug", "rc-lsp")
    show = 20
    if "--rc-lsp" in argv:
        k = argv.index("--rc-lsp"); binary = argv[k + 1]; del argv[k:k + 2]
    if "--show" in argv:
        k = argv.index("--show"); show = int(argv[k + 1]); del argv[k:k + 2]
    files = collect(argv)
    # Work on a copy so a rebuild during the run does not pull the binary away.
    import shutil, tempfile
    copy = os.path.join(tempfile.mkdtemp(prefix="ast_compare"), "rc-lsp")
    shutil.copy2(binary, copy)
    binary = copy

    def check(path):
        expected = cpython_dump(path)
        got, err = ours(binary, path)
        return path, expected == got, expected is None, got is None, err

    same = 0
    differing = []
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for path, ok, cpy_rejects, we_reject, err in pool.map(check, files):
            if ok:
                same += 1
            else:
                why = ("CPython rejects, rc-lsp accepts" if cpy_rejects else
                       "rc-lsp rejects: " + err.strip().splitlines()[0] if we_reject and err.strip() else
                       "rc-lsp rejects" if we_reject else "dumps differ")
                differing.append((path, why))
    for path, why in differing[:show]:
        print(f"DIFF {path}: {why}")
    print(f"identical: {same} / {len(files)}")
    return 0 if same == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
