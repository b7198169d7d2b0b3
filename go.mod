module github.com/bitextlab/zhen

go 1.26.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/sergi/go-diff v1.4.0
	golang.org/x/text v0.43.0
)

require golang.org/x/net v0.61.0
