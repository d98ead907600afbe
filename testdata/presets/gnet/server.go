// Package gnet is a line protocol server on gnet v2: it greets each
// connection, answers "user <id>" with a name looked up in a database and
// echoes everything else.
package gnet

import (
	"bytes"
	"context"
	"database/sql"
	"log"
	"net/http"
	"time"

	"github.com/panjf2000/gnet/v2"
	"github.com/panjf2000/gnet/v2/pkg/pool/goroutine"
)

type server struct {
	gnet.BuiltinEventEngine

	eng  gnet.Engine
	db   *sql.DB
	pool *goroutine.Pool
	motd string
}

// OnBoot runs once, before the event loops start: it may wait.
func (s *server) OnBoot(eng gnet.Engine) gnet.Action {
	s.eng = eng
	if resp, err := http.Get("http://config.internal/motd"); err == nil {
		resp.Body.Close()
	}
	return gnet.None
}

func (s *server) OnOpen(c gnet.Conn) ([]byte, gnet.Action) {
	// Every connection of this loop waits while the database answers.
	if err := s.db.Ping(); err != nil { // want "blocks the event loop"
		return nil, gnet.Close
	}
	return []byte(s.motd), gnet.None
}

func (s *server) OnTraffic(c gnet.Conn) gnet.Action {
	line, err := c.Next(-1)
	if err != nil {
		return gnet.Close
	}
	if id, ok := bytes.CutPrefix(line, []byte("user ")); ok {
		if bytes.HasPrefix(id, []byte("sync")) {
			var name string
			// A query on the event loop: all its connections stall.
			err := s.db.QueryRow("SELECT name FROM users WHERE id = ?", string(id)).Scan(&name) // want "blocks the event loop"
			if err != nil {
				return gnet.Close
			}
			_, _ = c.Write([]byte(name))
			return gnet.None
		}
		// The gnet way: do the query on a worker goroutine and write the
		// answer back with AsyncWrite.
		key := string(id)
		_ = s.pool.Submit(func() {
			var name string
			if err := s.db.QueryRow("SELECT name FROM users WHERE id = ?", key).Scan(&name); err != nil {
				name = err.Error()
			}
			_ = c.AsyncWrite([]byte(name), nil)
		})
		return gnet.None
	}
	if bytes.Equal(line, []byte("flush")) {
		// AsyncWrite's callback runs on this same event loop: waiting for
		// it here never returns.
		done := make(chan error, 1)
		_ = c.AsyncWrite([]byte("ok"), func(c gnet.Conn, err error) error {
			done <- err
			return nil
		})
		if err := <-done; err != nil { // want "deadlock"
			return gnet.Close
		}
		return gnet.None
	}
	// Echo: Write is meant for the loop; AsyncWrite from here is fine too.
	_, _ = c.Write(line)
	_ = c.AsyncWrite([]byte("\n"), nil)
	return gnet.None
}

func (s *server) OnClose(c gnet.Conn, err error) gnet.Action {
	// Logging is fine; a sleep is not.
	log.Printf("closed %v: %v", c.RemoteAddr(), err)
	time.Sleep(10 * time.Millisecond) // want "blocks the event loop"
	return gnet.None
}

// OnTick runs on a ticker goroutine of its own, not on an event loop.
func (s *server) OnTick() (time.Duration, gnet.Action) {
	if err := s.db.Ping(); err != nil {
		log.Print(err)
	}
	return 5 * time.Second, gnet.None
}

// Serve runs the engine; it blocks until Stop.
func Serve(db *sql.DB) error {
	s := &server{db: db, pool: goroutine.Default(), motd: "hello\n"}
	go func() {
		time.Sleep(time.Hour)
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = s.eng.Stop(ctx)
	}()
	return gnet.Run(s, "tcp://:9000", gnet.WithMulticore(true), gnet.WithTicker(true))
}
