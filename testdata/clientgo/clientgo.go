// Package clientgo is loop code that calls the Kubernetes API through
// client-go's clientset (k8s.io/client-go v0.35.3, the real module): each
// typed call is an HTTP round trip behind interfaces (kubernetes.Interface,
// BatchV1Interface, CronJobInterface) whose only implementations are
// client-go's own; and the dynamic client, the same way.
package clientgo

import (
	"context"
	"errors"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	batchv1 "k8s.io/client-go/kubernetes/typed/batch/v1"
	"k8s.io/client-go/rest"

	"futurelint.test/clientgo/kube"

	"github.com/futurelint/futurelint/futures"
)

func getOnLoop(c *futures.Ctx, cs kubernetes.Interface) {
	cs.BatchV1().CronJobs("ns").Get(context.Background(), "job", metav1.GetOptions{}) // want `Get blocks the event loop`
}

func deleteOnLoop(c *futures.Ctx, jobs batchv1.CronJobInterface) {
	jobs.Delete(context.Background(), "job", metav1.DeleteOptions{}) // want `Delete blocks the event loop`
}

func dynamicDeleteOnLoop(c *futures.Ctx, dc dynamic.Interface, gvr schema.GroupVersionResource) {
	dc.Resource(gvr).Namespace("ns").Delete(context.Background(), "x", metav1.DeleteOptions{}) // want `Delete blocks the event loop`
}

func requestOnLoop(c *futures.Ctx, rc rest.Interface) {
	rc.Get().Resource("pods").Do(context.Background()) // want `Do blocks the event loop`
}

// Getting a typed client makes no request.
func clientOnLoop(c *futures.Ctx, cs kubernetes.Interface) batchv1.CronJobInterface {
	return cs.BatchV1().CronJobs("ns")
}

// toggle reads and writes a cron job, after checks that fail with an
// error: it makes its requests whenever it does not fail.
func toggle(ctx context.Context, cs kubernetes.Interface, name string, allowed bool) error {
	if !allowed {
		return errors.New("not allowed")
	}
	jobs := cs.BatchV1().CronJobs("ns")
	job, err := jobs.Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return err
	}
	suspend := job.Spec.Suspend == nil || !*job.Spec.Suspend
	job.Spec.Suspend = &suspend
	_, err = jobs.Update(ctx, job, metav1.UpdateOptions{})
	return err
}

// A confirm dialog's handler, kept in a field the loop calls: reported
// because toggle makes its request on every path that does not fail.
type dialog struct{ onOK func() }

func (d *dialog) press(c *futures.Ctx) { d.onOK() }

func confirm(d *dialog, cs kubernetes.Interface) {
	d.onOK = func() {
		toggle(context.Background(), cs, "job", true) // want `toggle blocks the event loop`
	}
}

// A helper of a package with no loop, known by its syntax summary.
func suspendOnLoop(c *futures.Ctx, cs kubernetes.Interface) {
	kube.Suspend(context.Background(), cs, "ns", "job", true) // want `kube.Suspend blocks the event loop`
	kube.Clients(cs, "ns")
}

// Off the loop the same calls are fine.
func offLoop(l *futures.Loop, cs kubernetes.Interface) {
	go func() {
		cs.BatchV1().CronJobs("ns").Get(context.Background(), "job", metav1.GetOptions{})
	}()
}
