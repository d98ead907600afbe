package offloop

import (
	"strings"

	"github.com/rivo/tview"
)

// browser loads a directory tree in the background: a goroutine builds the
// nodes of a level, then hangs them under the node the user opened.
type browser struct {
	app    *tview.Application
	tree   *tview.TreeView
	pane   *tview.Flex
	status *tview.TextView
	last   *tview.TreeNode
}

// kept is the node the last helper call made, kept for later: shared.
var kept *tview.TreeNode

// entry makes a node nobody else holds yet: its setters race with nothing.
func entry(name string) *tview.TreeNode {
	n := tview.NewTreeNode(name)
	n.SetSelectable(true)
	n.SetExpanded(false)
	return n
}

// remembered makes a node, but keeps it where others can reach it first.
func remembered(name string) *tview.TreeNode {
	n := tview.NewTreeNode(name)
	kept = n
	return n
}

func (b *browser) start() {
	b.tree.SetSelectedFunc(func(opened *tview.TreeNode) {
		go b.expand(opened, strings.Fields("a b c"))
	})
}

// expand runs only on the goroutine start hands it to.
func (b *browser) expand(opened *tview.TreeNode, names []string) {
	// Getters only read: quiet.
	if opened.IsExpanded() || opened.GetReference() == nil || len(opened.GetChildren()) > 0 {
		return
	}
	_ = b.status.GetTitle()
	_ = b.status.GetText(true)
	// But this one fills the line index Draw reads.
	_ = b.status.GetWrappedLineCount() // want "races with drawing"

	for _, name := range names {
		// A fresh node, set up before anyone else can see it: quiet.
		n := tview.NewTreeNode(name)
		n.SetReference(name)
		n.SetExpanded(false)
		opened.AddChild(n) // want "races with drawing"
	}
	c := tview.NewTreeNode("chained").SetReference(0).SetSelectable(false)
	c.SetExpanded(true)
	opened.AddChild(c) // want "races with drawing"

	// Made by a helper that hands it only back: quiet until attached.
	e := entry("from a helper")
	e.SetReference(1)
	opened.AddChild(e) // want "races with drawing"

	// A fresh TextView's promoted Box setters: quiet.
	tv := tview.NewTextView()
	tv.SetTitle("details").SetBorder(true)
	b.pane.AddItem(tv, 0, 1, false) // want "races with drawing"

	// Set up after attaching: the loop may draw it meanwhile.
	late := tview.NewTreeNode("late")
	opened.AddChild(late)   // want "races with drawing"
	late.SetText("changed") // want "races with drawing"

	// Attached in one round, changed again in the next.
	again := tview.NewTreeNode("again")
	for _, name := range names {
		again.SetText(name)    // want "races with drawing"
		opened.AddChild(again) // want "races with drawing"
	}

	// Stored where the loop code looks before it is set up.
	kept := tview.NewTreeNode("kept")
	b.last = kept        // want "writes loop-owned b.last"
	kept.SetText("kept") // want "races with drawing"

	// A helper that keeps the node it returns: not fresh.
	r := remembered("r")
	r.SetText("shared") // want "races with drawing"
}

// draw is loop code that reads what expand stores.
func (b *browser) draw() {
	b.tree.SetChangedFunc(func(*tview.TreeNode) {
		if b.last != nil {
			b.tree.SetCurrentNode(b.last)
		}
	})
}
