package roles

import "strings"

// closedInterfaces are packages of libraries whose interfaces only the
// library's own types implement, so that a call through one may be
// resolved to the implementations in sight (engine: dispatch.go) as a call
// through an application's own interface is.
//
// k8s.io/client-go/kubernetes (checked against v0.35.3): the clientset
// (kubernetes.Interface) hands out typed group clients, whose resource
// interfaces (CronJobInterface, PodInterface, ...) are implemented by
// generated types embedding gentype's clients, which build a rest.Request
// and run it: (*rest.Request).Do and request, an (*http.Client).Do round
// trip. The only other implementations are the fake packages under the
// same path, test doubles: where they are in sight the two implementations
// differ and the call is left alone.
//
// k8s.io/client-go/dynamic (v0.35.3): dynamic.Interface and the resource
// interfaces it hands out are implemented by *DynamicClient and
// *dynamicResourceClient, whose calls run a rest.Request the same way
// (simple.go); the fake package is the only other implementation.
var closedInterfaces = []string{"k8s.io/client-go/kubernetes", "k8s.io/client-go/dynamic"}

// ClosedInterface reports whether the interfaces declared in package path
// are implemented only by their library's own types (closedInterfaces).
func ClosedInterface(path string) bool {
	for _, p := range closedInterfaces {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}
