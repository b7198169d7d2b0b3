package pipeline

import (
	"flag"
)

// ParseFlags parses args with fs, accepting flags anywhere on the command
// line ("press2tmx zh.txt en.txt -o x.tmx" as well as "press2tmx -o x.tmx
// zh.txt en.txt"), and returns the other arguments in order. After "--"
// every argument is a file name; "-" alone is a file name (standard input).
func ParseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(files, rest...), nil
		}
		if len(rest) == 0 {
			return files, nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}
