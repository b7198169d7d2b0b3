module github.com/bitextlab/zhen

go 1.24

require (
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/sergi/go-diff v1.4.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)
