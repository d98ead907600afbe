// Package xtools pins golang.org/x/tools at the version futurelint is built
// with, so that `futurelint golang.org/x/tools/...` can run here: a large
// body of Go code that never uses futures, where futurelint must be silent.
package xtools

import _ "golang.org/x/tools/go/analysis"
