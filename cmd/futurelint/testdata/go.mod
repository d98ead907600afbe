module futurelint.test/cmd

go 1.26.0

require github.com/futurelint/futurelint v0.0.0

replace github.com/futurelint/futurelint => ../../..
