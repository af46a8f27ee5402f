# Adds up the test counts that CI's runners printed (Jest's "Tests:" lines, Schemathesis's
# "N generated, N passed" lines) and prints one plain closing line for the whole CI run:
#   ci: N passed, N failed, N skipped
# Schemathesis ends on a pytest-style "== 1 warning in 28s ==" banner, which a reader of closing
# lines takes for a pytest run that executed no test; this line comes after it and counts all.
{ gsub(/\033\[[0-9;]*m/, "") }
/^Tests:/ || / generated, / {
  for (i = 1; i <= NF; i++) {
    word = $(i + 1); sub(/,$/, "", word)
    if ($i ~ /^[0-9]+$/ && word == "passed") passed += $i
    if ($i ~ /^[0-9]+$/ && word == "failed") failed += $i
    if ($i ~ /^[0-9]+$/ && word == "skipped") skipped += $i
  }
  counted = 1
}
END {
  if (!counted) { print "ci: no test count found in the output" > "/dev/stderr"; exit 1 }
  printf "ci: %d passed, %d failed, %d skipped\n", passed, failed, skipped
}
