module github.com/bitextlab/zhen

go 1.26.0

require (
	github.com/chromedp/chromedp v0.24.0
	github.com/google/go-cmp v0.7.0
	github.com/sergi/go-diff v1.4.0
	golang.org/x/text v0.43.0
)

require (
	github.com/chromedp/cdproto v0.160.5 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
)

require golang.org/x/net v0.61.0
