package fixes

import (
	"time"

	fut "github.com/futurelint/futurelint/futures"
)

// time is used only by this Sleep: rewriting it would leave the import
// unused, so no fix is offered.
func onlySleep(c *fut.Ctx) {
	time.Sleep(5) // want `time\.Sleep blocks the event loop goroutine`
}
