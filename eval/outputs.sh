#!/usr/bin/env bash
# eval/outputs.sh OUTDIR: what extract, conflicts and report print on seeds/, the Kursk development
# corpus and the wars corpus, in every format, so two versions of the code can be compared byte
# for byte (run it before and after a change, then `diff -r BEFORE AFTER`).
cd "$(dirname "$0")/.."
OUT=$1; mkdir -p $OUT
KC=${KC:-.venv/bin/kursk-claims}
export COLUMNS=100 PYTHONHASHSEED=0
for c in seeds:seeds dev:eval/dev/articles wars:eval/wars/articles; do
  n=${c%%:*}; d=${c#*:}
  rm -f $OUT/$n.db
  $KC extract $d --db $OUT/$n.db -f jsonl > $OUT/$n.x.jsonl 2>$OUT/$n.x.err; echo "rc=$?" >> $OUT/$n.x.err
  $KC extract $d --no-store -f csv > $OUT/$n.x.csv 2>/dev/null
  $KC extract $d --no-store -f table > $OUT/$n.x.table 2>/dev/null
  $KC conflicts --db $OUT/$n.db -f jsonl > $OUT/$n.c.jsonl 2>$OUT/$n.c.err
  $KC conflicts --db $OUT/$n.db -f table > $OUT/$n.c.table 2>/dev/null
  $KC conflicts --db $OUT/$n.db -f jsonl --explain > $OUT/$n.c.explain 2>&1
  $KC report --db $OUT/$n.db -o $OUT/$n.report.html > /dev/null 2>&1
  rm -f $OUT/$n.db
done
