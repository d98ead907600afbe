package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A node is one JSON value with the offset where it starts, so that every
// error can name the line and column of the value it is about.
// encoding/json's struct decoding loses positions (an unknown field carries
// none), so the file is decoded into nodes first and checked by hand.
type node struct {
	off  int    // byte offset of the value's first character
	path string // where it is in the document, for sources without lines: `packages."x".functions`

	kind  nodeKind
	str   string
	num   json.Number
	bool  bool
	keys  []key // objects, in source order
	items []*node
}

type key struct {
	name string
	off  int
	val  *node
}

type nodeKind int

const (
	nullNode nodeKind = iota
	boolNode
	numberNode
	stringNode
	objectNode
	arrayNode
)

var kindNames = [...]string{"null", "true or false", "a number", "a string", "an object", "a list"}

func (k nodeKind) String() string { return kindNames[k] }

// posError is an error at a byte offset of the source.
type posError struct {
	off  int
	path string
	msg  string
}

func (e *posError) Error() string { return e.msg }

func errAt(n *node, format string, args ...any) error {
	return &posError{off: n.off, path: n.path, msg: fmt.Sprintf(format, args...)}
}

// decode parses data into a node tree. Duplicate keys are errors: JSON
// decoders silently keep the last one, which would hide an entry.
func decode(data []byte) (*node, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	p := &jsonParser{data: data, dec: d}
	n, err := p.value("")
	if err != nil {
		return nil, err
	}
	if off := p.start(); off < len(data) {
		return nil, &posError{off: off, msg: "unexpected text after the top-level object"}
	}
	return n, nil
}

type jsonParser struct {
	data []byte
	dec  *json.Decoder
}

// start returns the offset of the next token: the decoder's offset past
// the previous one, then past white space and the separators ',' and ':'.
func (p *jsonParser) start() int {
	i := int(p.dec.InputOffset())
	for i < len(p.data) && strings.IndexByte(" \t\r\n,:", p.data[i]) >= 0 {
		i++
	}
	return i
}

func (p *jsonParser) token() (json.Token, int, error) {
	off := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// The token reader's offsets are not absolute: ask the
			// whole-document decoder where the error is.
			var v any
			if err := json.Unmarshal(p.data, &v); errors.As(err, &se) {
				off = max(int(se.Offset)-1, 0)
			}
			return nil, off, &posError{off: off, msg: "malformed JSON: " + se.Error()}
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, len(p.data), &posError{off: len(p.data), msg: "malformed JSON: unexpected end of file"}
		}
		return nil, off, &posError{off: off, msg: "malformed JSON: " + err.Error()}
	}
	return tok, off, nil
}

func (p *jsonParser) value(path string) (*node, error) {
	tok, off, err := p.token()
	if err != nil {
		return nil, err
	}
	n := &node{off: off, path: path}
	switch t := tok.(type) {
	case nil:
		n.kind = nullNode
	case bool:
		n.kind, n.bool = boolNode, t
	case json.Number:
		n.kind, n.num = numberNode, t
	case string:
		n.kind, n.str = stringNode, t
	case json.Delim:
		switch t {
		case '{':
			n.kind = objectNode
			seen := map[string]bool{}
			for p.dec.More() {
				ktok, koff, err := p.token()
				if err != nil {
					return nil, err
				}
				name := ktok.(string)
				if seen[name] {
					return nil, &posError{off: koff, path: path, msg: fmt.Sprintf("%q appears twice", name)}
				}
				seen[name] = true
				v, err := p.value(join(path, name))
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key{name: name, off: koff, val: v})
			}
		case '[':
			n.kind = arrayNode
			for i := 0; p.dec.More(); i++ {
				v, err := p.value(path + "[" + strconv.Itoa(i) + "]")
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
		}
		if _, _, err := p.token(); err != nil { // the closing delimiter
			return nil, err
		}
	}
	return n, nil
}

// join appends a key to a path, quoting keys that are not plain words.
func join(path, name string) string {
	if path != "" {
		path += "."
	}
	for _, r := range name {
		if !(r == '_' || r == '-' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return path + strconv.Quote(name)
		}
	}
	return path + name
}

// lineCol converts a byte offset of data to a 1-based line and column
// (columns count bytes, as go/token does).
func lineCol(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// object checks that n is an object whose keys are all in allowed, and
// returns its values by key.
func object(n *node, allowed ...string) (map[string]*node, error) {
	if n.kind != objectNode {
		return nil, errAt(n, "want an object, found %s", n.kind)
	}
	m := map[string]*node{}
	for _, k := range n.keys {
		ok := false
		for _, a := range allowed {
			ok = ok || a == k.name
		}
		if !ok {
			return nil, &posError{off: k.off, path: n.path, msg: fmt.Sprintf("unknown key %q (known keys here: %s)", k.name, strings.Join(allowed, ", "))}
		}
		m[k.name] = k.val
	}
	return m, nil
}

func str(n *node) (string, error) {
	if n.kind != stringNode {
		return "", errAt(n, "want a string, found %s", n.kind)
	}
	return n.str, nil
}

func boolean(n *node) (bool, error) {
	if n.kind != boolNode {
		return false, errAt(n, "want true or false, found %s", n.kind)
	}
	return n.bool, nil
}
