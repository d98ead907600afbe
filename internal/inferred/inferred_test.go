package inferred_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/loopblock"
	"github.com/futurelint/futurelint/passes/selfsubmit"
)

// Invokes of loops nobody described, from their own loop code, in a
// package that sees the loops' rows as facts: deadlocks.
func TestSelfSubmit(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, selfsubmit.Analyzer, "./inferred/use/self")
}

// Blocking in inferred loops' code, and their invokes through wrappers.
func TestLoopBlock(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, loopblock.Analyzer, "./inferred/use/block")
}

// Dispatchers: handler methods of the loops' own packages are loop code;
// so are a loop's own for statements (but for taking work) and the
// closures its package sends to its queue.
func TestDispatch(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, selfsubmit.Analyzer, "./inferred/dispatch", "./inferred/dispatchself", "./inferred/own")
	analysistest.Run(t, dir, loopblock.Analyzer, "./inferred/dispatchblock")
}

// Loops that run a func field of the value they receive (m.fn(),
// r.run(peers)): the functions posts store in that field, directly or
// through a local holding the message, are loop code.
func TestFuncField(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, loopblock.Analyzer, "./inferred/fieldfn", "./inferred/use/fieldfn")
}

// Sends from a loop's own code to its own unbuffered queue: a deadlock,
// a warning behind a condition; from a goroutine or into a buffer, none.
func TestSelfSend(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, loopblock.Analyzer, "./inferred/selfsend")
}

// Dispatchers nobody waits on: blocking in their handlers is their job; a
// helper sending to their own unbuffered queue from a handler deadlocks.
// (Their self-sends, selfsubmit's, are in TestDispatch.)
func TestDispatchSelf(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, loopblock.Analyzer, "./inferred/dispatchself/block")
}

// The loops' own packages, the look-alikes, and loops whose inference a
// directive (off) or the config (offcfg) turns off have no finding.
func TestQuiet(t *testing.T) {
	dir := testmodule.Dir(t)
	pkgs := []string{"./inferred/evloop", "./inferred/mainq", "./inferred/mainq2", "./inferred/service", "./inferred/pools", "./inferred/sdlmain", "./inferred/off", "./inferred/offcfg"}
	analysistest.Run(t, dir, selfsubmit.Analyzer, pkgs...)
	analysistest.Run(t, dir, loopblock.Analyzer, pkgs...)
}

// Loops one per value (a Bus, a Hub): code on one waits for itself only
// on that very value; on another of the same type it does not deadlock.
func TestIdentity(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, selfsubmit.Analyzer, "./inferred/identity")
	analysistest.Run(t, dir, loopblock.Analyzer, "./inferred/identity/send", "./inferred/identity/ask")
}
