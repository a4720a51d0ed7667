// Command oracle runs the code Vale 3.7 lints with, built from source, on JSON lines from standard
// input, one answer per line on standard output (see README.md and compare.ts):
//
//	oracle segment     text  -> the sentences (twine's Punkt segmenter)
//	oracle words       text  -> [Vale's IterTokenizer words, Treebank words sentence by sentence]
//	oracle spelling    text  -> the words Vale.Spelling flags with the default en_US-web dictionary
//	oracle syllables   word  -> twine's syllable count
//	oracle document    text  -> twine's readability variables and grades (summarize.NewDocument)
//	oracle sentence    {text, vocab} -> [twine's sentence case, whether Vale's sentence() passes it]
//	oracle regex       {p, texts} -> every match of regexp2.CompileStd(p): [text, rune index, rune length]
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/errata-ai/regexp2"
	"github.com/jdkato/twine/nlp/segment"
	"github.com/jdkato/twine/nlp/tokenize"
	"github.com/jdkato/twine/summarize"

	twinecase "oracle/twinecase"
	nlp "oracle/valenlp"
	valespell "oracle/valespell"
)

// Vale's internal/check/spelling.go defaultFilters.
var defaultFilters = []*regexp.Regexp{
	regexp.MustCompile(`[A-Z]{1}[a-z]+[A-Z]+\w+`),
	regexp.MustCompile(`[A-Z]+$`),
	regexp.MustCompile(`[^a-zA-Z_']`),
}

var reNumberList = regexp2.MustCompileStd(`\d+\.`)
var reToken = regexp2.MustCompileStd(`[\p{N}\p{L}*]+[^\s]*`)

// sentenceOK is Vale's sentence() (internal/check/variables.go) without exceptions, threshold 1.
func sentenceOK(s, expected string) bool {
	want := reToken.FindAllString(expected, -1)
	count, words := 0.0, 0.0
	for i, w := range reToken.FindAllString(s, -1) {
		if i >= len(want) || w == want[i] {
			count++
		} else if i == 0 && w != strings.Title(strings.ToLower(w)) { //nolint:staticcheck
			return false
		}
		words++
	}
	return count/words >= 1
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: oracle segment|words|spelling|syllables|document|sentence|regex < lines.jsonl")
		os.Exit(2)
	}
	seg := segment.NewPunktSentenceTokenizer()
	treebank := tokenize.NewTreebankWordTokenizer()
	iter := nlp.NewIterTokenizer()
	var speller *valespell.Checker
	if os.Args[1] == "spelling" {
		var err error
		if speller, err = valespell.NewChecker(valespell.WithDefault(true)); err != nil {
			panic(err)
		}
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<28)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		var answer interface{}
		switch os.Args[1] {
		case "segment", "words", "spelling", "syllables", "document":
			var text string
			must(json.Unmarshal(in.Bytes(), &text))
			switch os.Args[1] {
			case "segment":
				answer = seg.Segment(text)
			case "words":
				words := []string{}
				for _, s := range seg.Segment(text) {
					words = append(words, treebank.Tokenize(s)...)
				}
				answer = []interface{}{nonNil(iter.Tokenize(text)), words}
			case "spelling":
				text = speller.Convert(text)
				flagged := []string{}
			words:
				for _, word := range iter.Tokenize(text) {
					for _, filter := range defaultFilters {
						if filter.MatchString(word) {
							continue words
						}
					}
					if !speller.Spell(word) {
						flagged = append(flagged, word)
					}
				}
				answer = flagged
			case "syllables":
				answer = summarize.Syllables(text)
			case "document":
				d := summarize.NewDocument(text)
				variables := map[string]float64{"words": d.NumWords, "sentences": d.NumSentences, "characters": d.NumCharacters,
					"syllables": d.NumSyllables, "complex_words": d.NumComplexWords, "long_words": d.NumLongWords,
					"polysyllabic_words": d.NumPolysylWords, "paragraphs": d.NumParagraphs}
				if d.NumWords > 0 && d.NumSentences > 0 {
					variables["Flesch-Kincaid"] = d.FleschKincaid()
					variables["Gunning Fog"] = d.GunningFog()
					variables["SMOG"] = d.SMOG()
					variables["Coleman-Liau"] = d.ColemanLiau()
					variables["Automated Readability"] = d.AutomatedReadability()
				}
				answer = variables
			}
		case "sentence":
			var req struct {
				Text  string   `json:"text"`
				Vocab []string `json:"vocab"`
			}
			must(json.Unmarshal(in.Bytes(), &req))
			converter := twinecase.NewSentenceConverter(twinecase.UsingVocab(req.Vocab), twinecase.UsingIndicator(func(word string, idx int) bool {
				return strings.HasSuffix(word, ":") || (idx == 0 && reNumberList.MatchStringStd(word))
			}))
			expected := converter.Convert(req.Text)
			answer = []interface{}{expected, sentenceOK(req.Text, expected)}
		case "regex":
			var req struct {
				P     string   `json:"p"`
				Texts []string `json:"texts"`
			}
			must(json.Unmarshal(in.Bytes(), &req))
			result := map[string]interface{}{}
			matches := [][3]int{}
			re, err := regexp2.CompileStd(req.P)
			if err != nil {
				result["error"] = err.Error()
			} else {
				re.MatchTimeout = 2 * time.Second
				for i, text := range req.Texts {
					m, err := re.FindStringMatch(text)
					for m != nil {
						matches = append(matches, [3]int{i, m.Index, m.Length})
						m, err = re.FindNextMatch(m)
					}
					if err != nil {
						result["timeout"] = true
					}
				}
			}
			result["matches"] = matches
			answer = result
		default:
			fmt.Fprintf(os.Stderr, "oracle: unknown mode %q\n", os.Args[1])
			os.Exit(2)
		}
		line, err := json.Marshal(answer)
		must(err)
		out.Write(line)
		out.WriteString("\n")
	}
	must(in.Err())
}

func nonNil(words []string) []string {
	if words == nil {
		return []string{}
	}
	return words
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
