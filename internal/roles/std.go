package roles

func init() { Register(&stdLibrary) }

// stdLibrary is the standard library's clearly blocking calls, and the
// calls that synchronise memory with other goroutines.
//
// The standard library is described only by these rows: its function bodies
// are not analysed (they are full of internal channel waits and locks that are
// no meaningful blocking for users, and summarising them would cost every run
// the analysis of all of std). A std call that is not listed here is assumed
// not to block. Its rows have no words: findings about a std call in loop
// code are worded by the library whose loop the code runs on.
var stdLibrary = Library{
	Name:    "std",
	Paths:   nil, // the rows' packages are std's; the words are the loop's
	Example: "time.Sleep(d) in loop code blocks the loop",
	Funcs: []Func{
		// Contexts a wait cannot give up on while the loop is blocked.
		{Pkg: "context", Name: "Background", Futures: Futures{Undone: true}},
		{Pkg: "context", Name: "TODO", Futures: Futures{Undone: true}},

		// Sleeping.
		{Pkg: "time", Name: "Sleep", Blocker: Blocker{Block: BlockSleep}, Instead: SuspendSleep},
		{Pkg: "time", Name: "After", Futures: Futures{Timeout: true}},
		// AfterFunc "waits for the duration to elapse and then calls f in
		// its own goroutine" (time/sleep.go:206-207): f runs off any loop.
		{Pkg: "time", Name: "AfterFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OffLoop, OwnGoroutine: true}}}},

		// Waits on sync primitives. Mutexes are held briefly by design, so not
		// blocking; writes under them are synchronised.
		{Pkg: "sync", Recv: "WaitGroup", Name: "Wait", Blocker: Blocker{Block: BlockSync}},
		{Pkg: "sync", Recv: "Cond", Name: "Wait", Blocker: Blocker{Block: BlockSync}},
		{Pkg: "sync", Recv: "Mutex", Name: "Lock", Sync: Sync{Locks: true, Holds: true}},
		{Pkg: "sync", Recv: "RWMutex", Name: "Lock", Sync: Sync{Locks: true, Holds: true}},
		// A coroutine must not suspend while it holds one (lockawait).
		{Pkg: "sync", Recv: "RWMutex", Name: "RLock", Sync: Sync{Holds: true}},
		{Pkg: "sync", Recv: "Mutex", Name: "Unlock", Sync: Sync{Releases: true}},
		{Pkg: "sync", Recv: "RWMutex", Name: "Unlock", Sync: Sync{Releases: true}},
		{Pkg: "sync", Recv: "RWMutex", Name: "RUnlock", Sync: Sync{Releases: true}},

		// Publication: writes made before these reach the goroutine that waits
		// for them (Wait) or reads the atomic after them.
		{Pkg: "sync", Recv: "WaitGroup", Name: "Done", Sync: Sync{Publishes: true}},
		{Pkg: "sync", Recv: "Cond", Name: "Signal", Sync: Sync{Publishes: true}},
		{Pkg: "sync", Recv: "Cond", Name: "Broadcast", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AddInt32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "Add", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AndInt32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "And", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "OrInt32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "Or", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "CompareAndSwapInt32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "CompareAndSwap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "StoreInt32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "Store", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "SwapInt32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "Swap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AddInt64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "Add", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AndInt64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "And", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "OrInt64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "Or", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "CompareAndSwapInt64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "CompareAndSwap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "StoreInt64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "Store", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "SwapInt64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "Swap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AddUint32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "Add", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AndUint32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "And", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "OrUint32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "Or", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "CompareAndSwapUint32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "CompareAndSwap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "StoreUint32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "Store", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "SwapUint32", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "Swap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AddUint64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "Add", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AndUint64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "And", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "OrUint64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "Or", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "CompareAndSwapUint64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "CompareAndSwap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "StoreUint64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "Store", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "SwapUint64", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "Swap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AddUintptr", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "Add", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "AndUintptr", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "And", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "OrUintptr", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "Or", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "CompareAndSwapUintptr", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "CompareAndSwap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "StoreUintptr", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "Store", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "SwapUintptr", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "Swap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "CompareAndSwapPointer", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Bool", Name: "CompareAndSwap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Pointer", Name: "CompareAndSwap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Value", Name: "CompareAndSwap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "StorePointer", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Bool", Name: "Store", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Pointer", Name: "Store", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Value", Name: "Store", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Name: "SwapPointer", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Bool", Name: "Swap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Pointer", Name: "Swap", Sync: Sync{Publishes: true}},
		{Pkg: "sync/atomic", Recv: "Value", Name: "Swap", Sync: Sync{Publishes: true}},

		// Network round trips.
		{Pkg: "net/http", Name: "Get", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net/http", Name: "Head", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net/http", Name: "Post", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net/http", Name: "PostForm", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net/http", Recv: "Client", Name: "Do", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net/http", Recv: "Client", Name: "Get", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net/http", Recv: "Client", Name: "Head", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net/http", Recv: "Client", Name: "Post", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net/http", Recv: "Client", Name: "PostForm", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Name: "Dial", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Name: "DialTimeout", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Recv: "Dialer", Name: "Dial", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Recv: "Dialer", Name: "DialContext", Blocker: Blocker{Block: BlockIO}},
		// Accept waits for a client to connect: indefinitely. The interface
		// method is listed too, as listeners are mostly used as net.Listener.
		{Pkg: "net", Recv: "Listener", Name: "Accept", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Recv: "TCPListener", Name: "Accept", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Name: "LookupHost", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Name: "LookupIP", Blocker: Blocker{Block: BlockIO}},
		// Reads from a network connection wait for the peer (net/net.go:
		// Conn.Read, "Read reads data from the connection"). Through the
		// net.Conn interface, and (*net.conn).Read, the method *TCPConn,
		// *UDPConn, *UnixConn and *IPConn promote; packet reads
		// (udpsock.go:133-168, unixsock.go:118). Never io.Reader's Read:
		// most readers are buffers.
		{Pkg: "net", Recv: "Conn", Name: "Read", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Recv: "conn", Name: "Read", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Recv: "PacketConn", Name: "ReadFrom", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Recv: "UDPConn", Name: "ReadFrom", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Recv: "UDPConn", Name: "ReadFromUDP", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Recv: "UDPConn", Name: "ReadFromUDPAddrPort", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "net", Recv: "UnixConn", Name: "ReadFrom", Blocker: Blocker{Block: BlockIO}},

		// Database round trips (database/sql/sql.go): every query, exec,
		// ping, begin and prepare of DB, Conn, Tx and Stmt waits for the
		// server, and for a free connection when the pool is exhausted.
		// (*Row).Scan is not listed: QueryRow makes the round trip, and
		// db.QueryRow(...).Scan(&v) is one wait. (*Rows).Next is not
		// listed either: whether it reads from the network depends on the
		// driver, and the Query before it is reported already.
		{Pkg: "database/sql", Recv: "DB", Name: "Ping", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "PingContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "Exec", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "ExecContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "Query", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "QueryContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "QueryRow", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "QueryRowContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "Begin", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "BeginTx", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "Prepare", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "DB", Name: "PrepareContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Conn", Name: "PingContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Conn", Name: "ExecContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Conn", Name: "QueryContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Conn", Name: "QueryRowContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Conn", Name: "BeginTx", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Conn", Name: "PrepareContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "Exec", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "ExecContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "Query", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "QueryContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "QueryRow", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "QueryRowContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "Prepare", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "PrepareContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "Commit", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Tx", Name: "Rollback", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Stmt", Name: "Exec", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Stmt", Name: "ExecContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Stmt", Name: "Query", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Stmt", Name: "QueryContext", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Stmt", Name: "QueryRow", Blocker: Blocker{Block: BlockIO}},
		{Pkg: "database/sql", Recv: "Stmt", Name: "QueryRowContext", Blocker: Blocker{Block: BlockIO}},

		// Waits for another process.
		{Pkg: "os/exec", Recv: "Cmd", Name: "Run", Blocker: Blocker{Block: BlockProcess}},
		{Pkg: "os/exec", Recv: "Cmd", Name: "Wait", Blocker: Blocker{Block: BlockProcess}},
		{Pkg: "os/exec", Recv: "Cmd", Name: "Output", Blocker: Blocker{Block: BlockProcess}},
		{Pkg: "os/exec", Recv: "Cmd", Name: "CombinedOutput", Blocker: Blocker{Block: BlockProcess}},
		{Pkg: "os", Recv: "Process", Name: "Wait", Blocker: Blocker{Block: BlockProcess}},
	},
}
