#!/usr/bin/env python3
"""Checks what the editor says inside functions analysed on their own (never called) against CPython.

For each corpus program, every module statement other than imports, defs and classes is replaced by `pass`
(line numbers unchanged), so no function is called and the analyser runs each on its own, with unknown
arguments. Its hints inside the functions (`rc-lsp annotate`) must then hold for the real calls the oracle
recorded in the original program: an exact `rc N` must be the oracle's only value there, a range must
contain every oracle value. `rc ?` holds trivially. Prints every violation; exit 1 if any.

    python3 scripts/standalone_check.py BINARY CORPUS_DIR EXPECTED_DIR
"""
import ast, json, os, re, subprocess, sys, tempfile

HINT = re.compile(r"#\s+(.*)$")

def qualnames(tree):
    """line -> qualname of the innermost function containing it (CPython's co_qualname)."""
    out = {}
    def walk(node, prefix, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                q = prefix + child.name
                for n in range(child.body[0].lineno, (child.end_lineno or child.lineno) + 1):
                    out[n] = q
                walk(child, q + ".<locals>.", True)
            elif isinstance(child, ast.ClassDef):
                walk(child, prefix + child.name + ".", in_function)
            else:
                walk(child, prefix, in_function)
    walk(tree, "", False)
    return out

def subjects(tree):
    """line -> the single name a statement binds there."""
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out[node.lineno] = node.targets[0].id
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and isinstance(node.target, ast.Name):
            out[node.lineno] = node.target.id
        elif isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            out[node.lineno] = node.target.id
        elif (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
              and isinstance(node.value.func, ast.Attribute) and len(node.value.args) == 1
              and isinstance(node.value.args[0], ast.Name)):
            out[node.lineno] = node.value.args[0].id
    return out

def strip(source, tree):
    lines = source.split("\n")
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        first, last = node.lineno, node.end_lineno or node.lineno
        lines[first - 1] = "pass"
        for n in range(first, last):
            lines[n] = ""
    return "\n".join(lines)

def parse_hint(text, subject):
    """The count the hint gives `subject`: ('exact', n), ('range', a, b) or None."""
    parts = [p.strip() for p in text.split("·")]
    for p in parts:
        name, sep, rest = p.partition(": ")
        label = rest if sep else p
        if sep and name != subject:
            continue
        m = re.fullmatch(r"rc (\d+)", label)
        if m:
            return ("exact", int(m.group(1)))
        m = re.fullmatch(r"rc (\d+)–(\d+)", label)
        if m:
            return ("range", int(m.group(1)), int(m.group(2)))
        return None
    return None

def main():
    binary, corpus, expected = sys.argv[1:4]
    violations = checked = 0
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".py"):
            continue
        src = open(os.path.join(corpus, name)).read()
        exp_path = os.path.join(expected, name[:-3] + ".json")
        if not os.path.exists(exp_path):
            continue
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        frames, subs = qualnames(tree), subjects(tree)
        if not frames:
            continue
        events = json.load(open(exp_path))["events"]
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as t:
            t.write(strip(src, tree))
        out = subprocess.run([binary, "annotate", "--no-color", t.name], capture_output=True, text=True).stdout
        os.unlink(t.name)
        for n, line in enumerate(out.split("\n"), 1):
            if n not in frames or n not in subs:
                continue
            m = HINT.search(line)
            if not m:
                continue
            hint = parse_hint(m.group(1), subs[n])
            if hint is None:
                continue
            values = set()
            for e in events:
                if e["event"] == "line" and e["line"] == n and e["frame"] == frames[n]:
                    b = e["bindings"].get(subs[n])
                    if b is not None:
                        values.add(b["rc"])
            if not values:
                continue
            checked += 1
            ints = {v for v in values if isinstance(v, int)}
            ok = ints == values and (
                (hint[0] == "exact" and ints == {hint[1]}) or
                (hint[0] == "range" and all(hint[1] <= v <= hint[2] for v in ints)))
            if not ok:
                violations += 1
                print(f"{name}:{n} {frames[n]}: {subs[n]} hint {m.group(1)!r}, CPython {sorted(map(str, values))}")
    print(f"checked {checked} hints inside functions run on their own; {violations} contradict CPython")
    sys.exit(1 if violations else 0)

if __name__ == "__main__":
    main()
