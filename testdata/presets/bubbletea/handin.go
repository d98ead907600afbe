package bubbletea

import (
	tea "github.com/charmbracelet/bubbletea"

	"example.com/presets/bubbletea/logpane"
)

// logPane hands the program's logger to logpane.New, whose Update calls its
// Infof on the program's event loop: it sends to the program from there.
// (A second implementation of Infof here would make the call in
// fetchModel.Update, through this package's own Logger, uncertain.)
func logPane(p *tea.Program) tea.Model {
	return logpane.New(programLogger{p}) // want "deadlock"
}
