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
		{Pkg: "context", Name: "Background", Undone: true},
		{Pkg: "context", Name: "TODO", Undone: true},

		// Sleeping.
		{Pkg: "time", Name: "Sleep", Block: BlockSleep, Instead: SuspendSleep},
		{Pkg: "time", Name: "After", Timeout: true},
		// AfterFunc "waits for the duration to elapse and then calls f in
		// its own goroutine" (time/sleep.go:206-207): f runs off any loop.
		{Pkg: "time", Name: "AfterFunc", Funcs: []FuncArg{{Arg: Arg1, Where: OffLoop, OwnGoroutine: true}}},

		// Waits on sync primitives. Mutexes are held briefly by design, so not
		// blocking; writes under them are synchronised.
		{Pkg: "sync", Recv: "WaitGroup", Name: "Wait", Block: BlockSync},
		{Pkg: "sync", Recv: "Cond", Name: "Wait", Block: BlockSync},
		{Pkg: "sync", Recv: "Mutex", Name: "Lock", Locks: true, Holds: true},
		{Pkg: "sync", Recv: "RWMutex", Name: "Lock", Locks: true, Holds: true},
		// A coroutine must not suspend while it holds one (lockawait).
		{Pkg: "sync", Recv: "RWMutex", Name: "RLock", Holds: true},
		{Pkg: "sync", Recv: "Mutex", Name: "Unlock", Releases: true},
		{Pkg: "sync", Recv: "RWMutex", Name: "Unlock", Releases: true},
		{Pkg: "sync", Recv: "RWMutex", Name: "RUnlock", Releases: true},

		// Publication: writes made before these reach the goroutine that waits
		// for them (Wait) or reads the atomic after them.
		{Pkg: "sync", Recv: "WaitGroup", Name: "Done", Publishes: true},
		{Pkg: "sync", Recv: "Cond", Name: "Signal", Publishes: true},
		{Pkg: "sync", Recv: "Cond", Name: "Broadcast", Publishes: true},
		{Pkg: "sync/atomic", Name: "AddInt32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "Add", Publishes: true},
		{Pkg: "sync/atomic", Name: "AndInt32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "And", Publishes: true},
		{Pkg: "sync/atomic", Name: "OrInt32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "Or", Publishes: true},
		{Pkg: "sync/atomic", Name: "CompareAndSwapInt32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "CompareAndSwap", Publishes: true},
		{Pkg: "sync/atomic", Name: "StoreInt32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "Store", Publishes: true},
		{Pkg: "sync/atomic", Name: "SwapInt32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int32", Name: "Swap", Publishes: true},
		{Pkg: "sync/atomic", Name: "AddInt64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "Add", Publishes: true},
		{Pkg: "sync/atomic", Name: "AndInt64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "And", Publishes: true},
		{Pkg: "sync/atomic", Name: "OrInt64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "Or", Publishes: true},
		{Pkg: "sync/atomic", Name: "CompareAndSwapInt64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "CompareAndSwap", Publishes: true},
		{Pkg: "sync/atomic", Name: "StoreInt64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "Store", Publishes: true},
		{Pkg: "sync/atomic", Name: "SwapInt64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Int64", Name: "Swap", Publishes: true},
		{Pkg: "sync/atomic", Name: "AddUint32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "Add", Publishes: true},
		{Pkg: "sync/atomic", Name: "AndUint32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "And", Publishes: true},
		{Pkg: "sync/atomic", Name: "OrUint32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "Or", Publishes: true},
		{Pkg: "sync/atomic", Name: "CompareAndSwapUint32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "CompareAndSwap", Publishes: true},
		{Pkg: "sync/atomic", Name: "StoreUint32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "Store", Publishes: true},
		{Pkg: "sync/atomic", Name: "SwapUint32", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint32", Name: "Swap", Publishes: true},
		{Pkg: "sync/atomic", Name: "AddUint64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "Add", Publishes: true},
		{Pkg: "sync/atomic", Name: "AndUint64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "And", Publishes: true},
		{Pkg: "sync/atomic", Name: "OrUint64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "Or", Publishes: true},
		{Pkg: "sync/atomic", Name: "CompareAndSwapUint64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "CompareAndSwap", Publishes: true},
		{Pkg: "sync/atomic", Name: "StoreUint64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "Store", Publishes: true},
		{Pkg: "sync/atomic", Name: "SwapUint64", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uint64", Name: "Swap", Publishes: true},
		{Pkg: "sync/atomic", Name: "AddUintptr", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "Add", Publishes: true},
		{Pkg: "sync/atomic", Name: "AndUintptr", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "And", Publishes: true},
		{Pkg: "sync/atomic", Name: "OrUintptr", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "Or", Publishes: true},
		{Pkg: "sync/atomic", Name: "CompareAndSwapUintptr", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "CompareAndSwap", Publishes: true},
		{Pkg: "sync/atomic", Name: "StoreUintptr", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "Store", Publishes: true},
		{Pkg: "sync/atomic", Name: "SwapUintptr", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Uintptr", Name: "Swap", Publishes: true},
		{Pkg: "sync/atomic", Name: "CompareAndSwapPointer", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Bool", Name: "CompareAndSwap", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Pointer", Name: "CompareAndSwap", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Value", Name: "CompareAndSwap", Publishes: true},
		{Pkg: "sync/atomic", Name: "StorePointer", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Bool", Name: "Store", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Pointer", Name: "Store", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Value", Name: "Store", Publishes: true},
		{Pkg: "sync/atomic", Name: "SwapPointer", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Bool", Name: "Swap", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Pointer", Name: "Swap", Publishes: true},
		{Pkg: "sync/atomic", Recv: "Value", Name: "Swap", Publishes: true},

		// Network round trips.
		{Pkg: "net/http", Name: "Get", Block: BlockIO},
		{Pkg: "net/http", Name: "Head", Block: BlockIO},
		{Pkg: "net/http", Name: "Post", Block: BlockIO},
		{Pkg: "net/http", Name: "PostForm", Block: BlockIO},
		{Pkg: "net/http", Recv: "Client", Name: "Do", Block: BlockIO},
		{Pkg: "net/http", Recv: "Client", Name: "Get", Block: BlockIO},
		{Pkg: "net/http", Recv: "Client", Name: "Head", Block: BlockIO},
		{Pkg: "net/http", Recv: "Client", Name: "Post", Block: BlockIO},
		{Pkg: "net/http", Recv: "Client", Name: "PostForm", Block: BlockIO},
		{Pkg: "net", Name: "Dial", Block: BlockIO},
		{Pkg: "net", Name: "DialTimeout", Block: BlockIO},
		{Pkg: "net", Recv: "Dialer", Name: "Dial", Block: BlockIO},
		{Pkg: "net", Recv: "Dialer", Name: "DialContext", Block: BlockIO},
		// Accept waits for a client to connect: indefinitely. The interface
		// method is listed too, as listeners are mostly used as net.Listener.
		{Pkg: "net", Recv: "Listener", Name: "Accept", Block: BlockIO},
		{Pkg: "net", Recv: "TCPListener", Name: "Accept", Block: BlockIO},
		{Pkg: "net", Name: "LookupHost", Block: BlockIO},
		{Pkg: "net", Name: "LookupIP", Block: BlockIO},
		// Reads from a network connection wait for the peer (net/net.go:
		// Conn.Read, "Read reads data from the connection"). Through the
		// net.Conn interface, and (*net.conn).Read, the method *TCPConn,
		// *UDPConn, *UnixConn and *IPConn promote; packet reads
		// (udpsock.go:133-168, unixsock.go:118). Never io.Reader's Read:
		// most readers are buffers.
		{Pkg: "net", Recv: "Conn", Name: "Read", Block: BlockIO},
		{Pkg: "net", Recv: "conn", Name: "Read", Block: BlockIO},
		{Pkg: "net", Recv: "PacketConn", Name: "ReadFrom", Block: BlockIO},
		{Pkg: "net", Recv: "UDPConn", Name: "ReadFrom", Block: BlockIO},
		{Pkg: "net", Recv: "UDPConn", Name: "ReadFromUDP", Block: BlockIO},
		{Pkg: "net", Recv: "UDPConn", Name: "ReadFromUDPAddrPort", Block: BlockIO},
		{Pkg: "net", Recv: "UnixConn", Name: "ReadFrom", Block: BlockIO},

		// Database round trips (database/sql/sql.go): every query, exec,
		// ping, begin and prepare of DB, Conn, Tx and Stmt waits for the
		// server, and for a free connection when the pool is exhausted.
		// (*Row).Scan is not listed: QueryRow makes the round trip, and
		// db.QueryRow(...).Scan(&v) is one wait. (*Rows).Next is not
		// listed either: whether it reads from the network depends on the
		// driver, and the Query before it is reported already.
		{Pkg: "database/sql", Recv: "DB", Name: "Ping", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "PingContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "Exec", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "ExecContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "Query", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "QueryContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "QueryRow", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "QueryRowContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "Begin", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "BeginTx", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "Prepare", Block: BlockIO},
		{Pkg: "database/sql", Recv: "DB", Name: "PrepareContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Conn", Name: "PingContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Conn", Name: "ExecContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Conn", Name: "QueryContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Conn", Name: "QueryRowContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Conn", Name: "BeginTx", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Conn", Name: "PrepareContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "Exec", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "ExecContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "Query", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "QueryContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "QueryRow", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "QueryRowContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "Prepare", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "PrepareContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "Commit", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Tx", Name: "Rollback", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Stmt", Name: "Exec", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Stmt", Name: "ExecContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Stmt", Name: "Query", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Stmt", Name: "QueryContext", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Stmt", Name: "QueryRow", Block: BlockIO},
		{Pkg: "database/sql", Recv: "Stmt", Name: "QueryRowContext", Block: BlockIO},

		// Waits for another process.
		{Pkg: "os/exec", Recv: "Cmd", Name: "Run", Block: BlockProcess},
		{Pkg: "os/exec", Recv: "Cmd", Name: "Wait", Block: BlockProcess},
		{Pkg: "os/exec", Recv: "Cmd", Name: "Output", Block: BlockProcess},
		{Pkg: "os/exec", Recv: "Cmd", Name: "CombinedOutput", Block: BlockProcess},
		{Pkg: "os", Recv: "Process", Name: "Wait", Block: BlockProcess},
	},
}
