// Package code answers questions about a package's source that need only
// the pass: a function named as messages name it, the file and call at a
// position, the span a finding covers, what a name resolves to, how a file
// imports a package, an expression as source, whether a statement is a nil
// guard. Rules use it to place findings and to write fixes that compile;
// it has no analysis of its own and no state.
package code
