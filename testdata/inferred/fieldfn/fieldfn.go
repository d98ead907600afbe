// Package fieldfn holds loops that run a func field of the value they
// receive: the functions the posts store in that field run on the loop.
package fieldfn

import "time"

type request struct {
	run  func(peers map[string]int)
	done chan struct{}
}

// Service serves requests on one goroutine: each carries the function to
// run on the service's state and a channel closed when it has run.
type Service struct {
	reqs chan request
	quit chan struct{}
}

func NewService() *Service {
	s := &Service{reqs: make(chan request), quit: make(chan struct{})}
	go s.loop()
	return s
}

func (s *Service) loop() {
	peers := map[string]int{}
	for {
		select {
		case r := <-s.reqs:
			r.run(peers)
			close(r.done)
		case <-s.quit:
			return
		}
	}
}

// Do runs f on the service's goroutine and waits for it.
func (s *Service) Do(f func(peers map[string]int)) {
	r := request{run: f, done: make(chan struct{})}
	s.reqs <- r
	<-r.done
}

type message struct{ fn func() }

// Queue runs the fn of each message it receives.
type Queue struct{ msgs chan message }

func NewQueue() *Queue {
	q := &Queue{msgs: make(chan message)}
	go q.loop()
	return q
}

func (q *Queue) loop() {
	for m := range q.msgs {
		m.fn()
	}
}

// Post hands f to the queue's goroutine; it returns once the loop has it.
func (q *Queue) Post(f func()) { q.msgs <- message{fn: f} }

// Count asks the service for its number of peers.
func (s *Service) Count() int {
	var n int
	s.Do(func(peers map[string]int) { n = len(peers) })
	return n
}

// Wait sleeps on the queue's goroutine.
func (q *Queue) Wait() {
	q.Post(func() { time.Sleep(time.Millisecond) }) // want `^time\.Sleep blocks the goroutine of \(\*Queue\)\.loop draining q\.msgs`
}
