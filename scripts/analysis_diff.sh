#!/usr/bin/env bash
# Shows that two rc-lsp builds give identical analysis results (for performance work, where the results
# must not change). Compares, between BASE and NEW binaries:
#   - a hash of the whole AnalysisResult (`bench analyze --digest`) of every non-test stdlib file, of the
#     oracle corpus and of the own corpus;
#   - `facts FILE --json` and `annotate --no-color FILE` outputs of both corpora and of STDLIB_SAMPLE
#     stdlib files.
# Usage: scripts/analysis_diff.sh BASE_BINARY [NEW_BINARY (default .build/release/rc-lsp)]
# Exit 0 when everything is identical, 1 otherwise (the differing files are listed).
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
base="${1:?usage: analysis_diff.sh BASE_BINARY [NEW_BINARY]}"
new="${2:-$here/.build/release/rc-lsp}"
oracle="${ORACLE_CORPUS:-$here/../shared/oracle/corpus}"
own="$here/Tests/Corpus/programs"
sample="${STDLIB_SAMPLE:-40}"
out="$(mktemp -d)"
status=0

digests() {  # $1 binary, $2 label
    "$1" bench analyze --digest > "$out/$2.stdlib"
    [ -d "$oracle" ] && "$1" bench analyze --digest --all "$oracle" > "$out/$2.oracle"
    [ -d "$own" ] && "$1" bench analyze --digest --all "$own" > "$out/$2.own"
}
digests "$base" base
digests "$new" new
for part in stdlib oracle own; do
    [ -f "$out/base.$part" ] || continue
    n=$(wc -l < "$out/base.$part")
    if cmp -s "$out/base.$part" "$out/new.$part"; then
        echo "digest $part: $n files identical"
    else
        echo "digest $part: DIFFERENT:"
        diff "$out/base.$part" "$out/new.$part" | grep '^>' | awk '{print "  " $NF}'
        status=1
    fi
done

# facts --json and annotate over the corpora and a spread of stdlib files (every k-th, largest first).
files=()
for d in "$oracle" "$own"; do [ -d "$d" ] && while IFS= read -r f; do files+=("$f"); done < <(ls "$d"/*.py)
done
while IFS= read -r f; do files+=("$f"); done < <(awk '{print $NF}' "$out/base.stdlib" | xargs ls -S \
    | awk -v n="$sample" '{a[NR]=$0} END{k=int(NR/n); if(k<1)k=1; for(i=1;i<=NR;i+=k) print a[i]}')
same=0
for f in "${files[@]}"; do
    for cmd in "facts --json" "annotate --no-color"; do
        # shellcheck disable=SC2086
        if [ "$cmd" = "facts --json" ]; then a=$("$base" facts "$f" --json 2>&1); b=$("$new" facts "$f" --json 2>&1)
        else a=$("$base" annotate --no-color "$f" 2>&1); b=$("$new" annotate --no-color "$f" 2>&1); fi
        if [ "$a" == "$b" ]; then same=$((same + 1)); else echo "DIFFERENT: $cmd $f"; status=1; fi
    done
done
echo "facts/annotate: $same of $(( ${#files[@]} * 2 )) outputs identical over ${#files[@]} files"
rm -rf "$out"
exit $status
