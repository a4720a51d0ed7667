#!/usr/bin/env bash
# Builds the oracle (main.go) from the sources Vale 3.7 lints with. Usage:
#   scripts/vale-oracle/prepare.sh <vale> <twine> <sentences> <regexp2> <stats> <out-dir>
# with checkouts of errata-ai/vale (v3.7.1, the conformance kit's commit bb78a321), jdkato/twine
# (v0.10.1), neurosnap/sentences (v1.0.7), errata-ai/regexp2 (v1.7.0) and montanaflynn/stats
# (v0.7.1, which twine's summarize imports). Needs Go 1.19 or newer;
# nothing is downloaded. Vale's internal packages cannot be imported from outside Vale, so the
# three the oracle needs are copied: internal/nlp's tokenizer as it is, internal/spell without its
# suggestion ranking (adrg/strutil) and with its one call into internal/core replaced.
set -euo pipefail
if [ $# -ne 6 ]; then
  echo "usage: $0 <vale> <twine> <sentences> <regexp2> <stats> <out-dir>" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
vale=$(cd "$1" && pwd); twine=$(cd "$2" && pwd); sentences=$(cd "$3" && pwd); regexp2=$(cd "$4" && pwd); stats=$(cd "$5" && pwd)
out=$6
rm -rf "$out" && mkdir -p "$out"/{valenlp,valespell/data,twinecase/tw}
cp "$here/main.go" "$out/"
cp "$vale"/internal/nlp/{tokenize.go,var.go,util.go} "$out/valenlp/"
cp "$vale"/internal/spell/{aff.go,doc.go,gospell.go,multi.go,words.go} "$out/valespell/"
cp "$vale"/internal/spell/data/en_US-web.{aff,dic} "$out/valespell/data/"
# Suggestions are not compared: their ranking (adrg/strutil) is left out.
sed -i -e '/adrg\/strutil/d' -e '/metrics.NewLevenshtein/d' -e 's/sim := strutil.Similarity(option, word, metric)/sim := 0.0; _ = option/' "$out/valespell/gospell.go"
sed -i -e '/errata-ai\/vale\/v3\/internal\/core/d' -e 's/core\.FileExists(/fileExists(/g' "$out/valespell/multi.go"
printf '\nfunc fileExists(p string) bool { st, err := os.Stat(p); return err == nil && !st.IsDir() }\n' >> "$out/valespell/multi.go"
cp "$twine"/strcase/{sentence.go,opt.go} "$out/twinecase/"
cp "$twine"/internal/string.go "$out/twinecase/tw/"
sed -i 's/^package internal$/package tw/' "$out/twinecase/tw/string.go"
sed -i 's#"github.com/jdkato/twine/internal"#internal "oracle/twinecase/tw"#' "$out/twinecase/sentence.go"
# gopkg.in/neurosnap/sentences.v1 v1.0.7 predates modules.
[ -f "$sentences/go.mod" ] || printf 'module gopkg.in/neurosnap/sentences.v1\n\ngo 1.12\n' > "$sentences/go.mod"
cat > "$out/go.mod" <<MOD
module oracle

go 1.19

require (
	github.com/errata-ai/regexp2 v1.7.0
	github.com/jdkato/twine v0.10.1
	github.com/montanaflynn/stats v0.7.1
	gopkg.in/neurosnap/sentences.v1 v1.0.7
)

replace github.com/jdkato/twine => $twine

replace gopkg.in/neurosnap/sentences.v1 => $sentences

replace github.com/errata-ai/regexp2 => $regexp2

replace github.com/montanaflynn/stats => $stats
MOD
(cd "$out" && GOFLAGS=-mod=mod GOPROXY=off go build -o oracle .)
echo "$out/oracle"
