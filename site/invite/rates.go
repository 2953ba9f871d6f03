package invite

import (
	"sort"

	"github.com/opros/opros/compiler/ir"
)

// Invitee is one invitation of a list: its id and the hidden values its
// link carries (the field's default where it carries none).
type Invitee struct {
	ID     string
	Hidden map[string]string
}

// Rate is the response rate of one group of invitees: all of them (Field
// ""), or those with one value of a participant, segment or channel field.
type Rate struct {
	Field     string   `json:"field"`
	Value     string   `json:"value"`
	Invited   int      `json:"invited"`
	Completed int      `json:"completed"`
	Rate      *float64 `json:"rate"` // completed / invited; nil when suppressed
	// Suppressed: fewer than the minimum were invited; the counts are
	// withheld with the rate, as the report withholds a small group.
	Suppressed bool `json:"suppressed,omitempty"`
}

// Rates counts, for the whole list and per value of each hidden field with
// a role (participant, segment, channel, in the survey's order), how many
// were invited and how many of them answered (their invitation id is in
// answered). A group with fewer than min invitees is suppressed. unlisted
// is the number of answered invitations the list does not hold (another
// list's, or none signed from this one), which no rate counts.
func Rates(s *ir.Survey, list []Invitee, answered map[string]bool, min int) (rates []Rate, unlisted int) {
	type key struct{ field, value string }
	invited, completed := map[key]int{}, map[key]int{}
	onList := map[string]bool{}
	var fields []string
	for _, h := range s.Hidden {
		if h.Role != "" {
			fields = append(fields, h.ID)
		}
	}
	for _, p := range list {
		onList[p.ID] = true
		keys := []key{{}}
		for _, f := range fields {
			keys = append(keys, key{f, p.Hidden[f]})
		}
		for _, k := range keys {
			invited[k]++
			if answered[p.ID] {
				completed[k]++
			}
		}
	}
	for id := range answered {
		if !onList[id] {
			unlisted++
		}
	}
	order := func(k key) int {
		for i, f := range fields {
			if f == k.field {
				return i + 1
			}
		}
		return 0
	}
	keys := make([]key, 0, len(invited))
	for k := range invited {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if oi, oj := order(keys[i]), order(keys[j]); oi != oj {
			return oi < oj
		}
		return keys[i].value < keys[j].value
	})
	for _, k := range keys {
		r := Rate{Field: k.field, Value: k.value}
		if n := invited[k]; n < min {
			r.Suppressed = true
		} else {
			r.Invited, r.Completed = n, completed[k]
			rate := float64(r.Completed) / float64(n)
			r.Rate = &rate
		}
		rates = append(rates, r)
	}
	return rates, unlisted
}
