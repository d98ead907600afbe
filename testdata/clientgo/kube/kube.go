// Package kube calls the Kubernetes API and uses no loop: its summaries
// come from its syntax, where the calls through client-go's interfaces
// resolve as they do with SSA.
package kube

import (
	"context"
	"fmt"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// Suspend reads and writes a cron job unless a check fails first.
func Suspend(ctx context.Context, cs kubernetes.Interface, ns, name string, allowed bool) error {
	if !allowed {
		return fmt.Errorf("not allowed to suspend %s", name)
	}
	jobs := cs.BatchV1().CronJobs(ns)
	job, err := jobs.Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return err
	}
	yes := true
	job.Spec.Suspend = &yes
	_, err = jobs.Update(ctx, job, metav1.UpdateOptions{})
	return err
}

// Clients only hands out a typed client: no request.
func Clients(cs kubernetes.Interface, ns string) any {
	return cs.BatchV1().CronJobs(ns)
}
