// Vale's walker, for comparison with Verity's prose blocks (../walk-compare.ts): renders each Markdown
// file named on the command line (an .html file is walked as it is) with goldmark v1.5.6 (GFM and footnotes, as Vale's lint/md.go) and runs
// the loop of Vale's lint/ast.go lintHTMLTokens over the HTML (x/net/html v0.23.0), printing one JSON line
// per file with its blocks (scope and text). Comments (vale off/on) are not read; the default
// SkippedScopes, IgnoredScopes and IgnoredClasses are used.
package main

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	grh "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

var goldMd = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithRendererOptions(grh.WithUnsafe()))

var skipTags = []string{"script", "style", "pre", "figure", "noscript", "iframe"}
var skipClasses = []string{"problematic", "pre", "code"}
var inlineTags = []string{"b", "big", "i", "small", "abbr", "acronym", "cite", "dfn", "em", "kbd", "strong", "a", "br", "img", "span", "sub", "sup", "code", "tt", "del"}
var tagToScope = map[string]string{"th": "text.table.header", "td": "text.table.cell", "caption": "text.table.caption", "li": "text.list", "blockquote": "text.blockquote", "figcaption": "text.figure.caption"}
var heading = regexp.MustCompile(`^h\d$`)

func in(s string, l []string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

type block struct {
	Scope string `json:"scope"`
	Text  string `json:"text"`
}

func getAttribute(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
func checkClasses(attr string, ignore []string) bool {
	for _, c := range strings.Split(attr, " ") {
		if in(c, ignore) {
			return true
		}
	}
	return false
}
func endsWithTightBoundary(buf *bytes.Buffer) bool {
	r, _ := utf8.DecodeLastRune(buf.Bytes())
	switch r {
	case '(', '[', '{', '—', '–':
		return true
	}
	return false
}
func substitute(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' {
			return '*'
		}
		return r
	}, s)
}
func clean(txt, attr string, skip, inline bool) (string, bool) {
	punct := []string{".", "?", "!", ",", ":", ";", ")", "]", "}", "—", "–"}
	first, _ := utf8.DecodeRuneInString(txt)
	starter := in(string(first), punct) && !skip
	if skip || attr == txt {
		txt = substitute(txt)
		skip = false
	}
	if inline && !starter {
		txt = " " + txt
	}
	return txt, skip
}

type walker struct {
	activeTag, activeCls string
	tagHistory          []string
	begin, end          int
}

func (w *walker) lastTag() string {
	if len(w.tagHistory) > 0 {
		return w.tagHistory[len(w.tagHistory)-1]
	}
	return w.activeTag
}
func (w *walker) isNestedList() bool {
	if w.lastTag() == "li" && len(w.tagHistory) > 3 {
		up1 := w.tagHistory[len(w.tagHistory)-2]
		up2 := w.tagHistory[len(w.tagHistory)-3]
		if up1 == "ol" || up1 == "ul" {
			return up2 == "li"
		}
	}
	return false
}

func walk(raw []byte) []block {
	blocks := []block{}
	var class, parentClass, attr string
	var inBlock, inline, skip, skipClass bool
	buf := bytes.NewBufferString("")
	skipped := []string{"tt", "code", "kbd"}
	w := &walker{}
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		tokt := z.Next()
		tok := z.Token()
		txt := html.UnescapeString(strings.TrimSpace(tok.Data))
		if txt == w.activeCls {
			if tokt == html.StartTagToken {
				w.begin++
			} else {
				w.end++
			}
		}
		closed := w.activeCls != "" && w.begin == w.end && w.begin > 0
		class = getAttribute(tok, "class")
		skipClass = checkClasses(class, skipClasses)
		blockSkip := skipClass && !in(txt, inlineTags)
		if tokt == html.ErrorToken {
			break
		} else if tokt == html.StartTagToken && (in(txt, skipTags) || blockSkip) {
			if blockSkip {
				w.activeCls = txt
				w.begin = 1
				w.end = 0
			}
			inBlock = true
			inline = in(txt, inlineTags)
		} else if inBlock && (in(txt, skipTags) || closed) {
			inBlock = false
			if closed {
				w.activeCls = ""
				w.begin, w.end = 0, 0
			}
		} else if tokt == html.StartTagToken {
			if (txt == "em" || txt == "b") && w.lastTag() == "code" {
				txt = "code"
			}
			inline = in(txt, inlineTags)
			skip = in(txt, skipped)
			w.tagHistory = append(w.tagHistory, txt)
			w.activeTag = txt
		} else if tokt == html.EndTagToken && in(txt, inlineTags) {
			w.activeTag = ""
		} else if tokt == html.CommentToken {
		} else if tokt == html.TextToken {
			if !inBlock && txt != "" {
				skipClass = checkClasses(parentClass, skipClasses)
				if w.isNestedList() && !inline {
					txt = " " + txt
				}
				txt, skip = clean(txt, attr, skip || skipClass, inline)
				if strings.HasPrefix(txt, " ") && endsWithTightBoundary(buf) {
					txt = txt[1:]
				}
				buf.WriteString(txt)
			}
		}
		if tokt == html.EndTagToken && !in(txt, inlineTags) {
			content := buf.String()
			if strings.TrimSpace(content) != "" {
				scope := "text.paragraph"
				for _, tag := range w.tagHistory {
					s, match := tagToScope[tag]
					if (match && !in(tag, inlineTags)) || heading.MatchString(tag) {
						if !match {
							s = "text.heading." + tag
						}
						scope = s
						content = strings.TrimLeft(content, " ")
						break
					}
				}
				blocks = append(blocks, block{scope, content})
			}
			w.tagHistory = []string{}
			buf.Reset()
		}
		attr = getAttribute(tok, "href")
		parentClass = getAttribute(tok, "class")
		if tok.Data == "img" {
			for _, a := range tok.Attr {
				if a.Key == "alt" {
					blocks = append(blocks, block{"text.attr.alt", a.Val})
				}
			}
		}
	}
	return blocks
}

var sanitizer = strings.NewReplacer("&rsquo;", "'", "\r\n", "\n", "\r", "\n")
var reFrontMatter = regexp.MustCompile(`^(?s)(?:---|\+\+\+)\n(.+?)\n(?:---|\+\+\+)`)

func main() {
	enc := json.NewEncoder(os.Stdout)
	for _, p := range os.Args[1:] {
		src, _ := os.ReadFile(p)
		s := sanitizer.Replace(string(src))
		if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") {
			// An HTML file: Vale's lintHTML walks the file itself.
			enc.Encode(map[string]interface{}{"file": p, "blocks": walk([]byte(s))})
			continue
		}
		s = reFrontMatter.ReplaceAllString(s, "\n```\n$1\n```\n")
		var buf bytes.Buffer
		goldMd.Convert([]byte(s), &buf)
		enc.Encode(map[string]interface{}{"file": p, "blocks": walk(buf.Bytes())})
	}
}
