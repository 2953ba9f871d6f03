// Package fmtverbs reads the verbs of fmt formats, for the check that holds
// the compiler's message catalogue's languages to the same arguments
// (compiler.Catalogue.Mismatches): a translation may take the arguments in
// another order with %[n], but each with the same verb.
package fmtverbs

import (
	"sort"
	"strconv"
	"strings"
)

// Verbs lists the verbs of a fmt format by argument number, sorted:
// [1q 2s] for both "%q is %s" and "%[2]s: %[1]q". Flags, width and
// precision are skipped, "%%" is not a verb.
func Verbs(format string) []string {
	byArg := map[int]string{}
	next := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		if i < len(format) && format[i] == '[' {
			if end := strings.IndexByte(format[i:], ']'); end > 0 {
				next, _ = strconv.Atoi(format[i+1 : i+end])
				i += end + 1
			}
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i < len(format) {
			byArg[next] = strconv.Itoa(next) + string(format[i])
			next++
		}
	}
	out := make([]string, 0, len(byArg))
	for _, v := range byArg {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}
