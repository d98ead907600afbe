package missingimport

import "nosuchpackage/anywhere"

var _ = anywhere.X
