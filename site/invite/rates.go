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
	Field   string `json:"field"`
	Value   string `json:"value"`
	Invited int    `json:"invited"`
	// Started counts the invitees who opened the form through their link
	// (the collector's started.ndjson) or answered; nil when not known:
	// the forms were served by another host, or no such log was given.
	Started   *int     `json:"started"`
	Completed int      `json:"completed"`
	Rate      *float64 `json:"rate"` // completed / invited; nil when suppressed
	// Suppressed: fewer than the minimum were invited; the counts are
	// withheld with the rate, as the report withholds a small group.
	Suppressed bool `json:"suppressed,omitempty"`
}

// Rates counts, for the whole list and per value of each hidden field with
// a role (participant, segment, channel, in the survey's order), how many
// were invited, how many of them started (their invitation id is in
// started, or they answered; not known when started is nil) and how many
// answered (their invitation id is in answered). A group with fewer than
// min invitees is suppressed. unlisted is the number of answered
// invitations the list does not hold (another list's, or none signed from
// this one), which no rate counts.
func Rates(s *ir.Survey, list []Invitee, answered, started map[string]bool, min int) (rates []Rate, unlisted int) {
	type key struct{ field, value string }
	invited, begun, completed := map[key]int{}, map[key]int{}, map[key]int{}
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
			if answered[p.ID] || started[p.ID] {
				begun[k]++
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
			if started != nil {
				b := begun[k]
				r.Started = &b
			}
		}
		rates = append(rates, r)
	}
	return rates, unlisted
}

// PublicRates are the rates a published report may show: the whole list and
// each segment or channel value, never a participant's own (that names who
// was invited). A group with fewer than minGroup invitees, or, when
// minParticipants > 0 (a company-level benchmark), with invitees of fewer
// than minParticipants+1 participants, is suppressed; and where a field
// would hide one group only, the next smallest is hidden too, so the hidden
// one cannot be had by subtracting the others from the total.
func PublicRates(s *ir.Survey, list []Invitee, answered, started map[string]bool, minGroup, minParticipants int) []Rate {
	all, _ := Rates(s, list, answered, started, 0)
	participant := ""
	for _, h := range s.Hidden {
		if h.Role == "participant" {
			participant = h.ID
		}
	}
	// participants per group, for the company-level rule
	members := map[[2]string]map[string]bool{}
	for _, p := range list {
		keys := [][2]string{{"", ""}}
		for _, h := range s.Hidden {
			if h.Role != "" {
				keys = append(keys, [2]string{h.ID, p.Hidden[h.ID]})
			}
		}
		for _, k := range keys {
			if members[k] == nil {
				members[k] = map[string]bool{}
			}
			members[k][p.Hidden[participant]] = true
		}
	}
	var out []Rate
	hidden := map[string]int{} // suppressed groups per field
	for _, r := range all {
		if participant != "" && r.Field == participant {
			continue
		}
		if r.Invited < minGroup || (minParticipants > 0 && len(members[[2]string{r.Field, r.Value}]) < minParticipants+1) {
			r = suppress(r)
			hidden[r.Field]++
		}
		out = append(out, r)
	}
	for field, n := range hidden {
		if n != 1 || field == "" {
			continue
		}
		smallest := -1
		for i, r := range out {
			if r.Field == field && !r.Suppressed && (smallest < 0 || r.Invited < out[smallest].Invited) {
				smallest = i
			}
		}
		if smallest >= 0 {
			out[smallest] = suppress(out[smallest])
		}
	}
	return out
}

func suppress(r Rate) Rate {
	return Rate{Field: r.Field, Value: r.Value, Suppressed: true}
}

// Median is the median of the rates that are not suppressed (nil when none).
func Median(rates []Rate) *float64 {
	var xs []float64
	for _, r := range rates {
		if r.Rate != nil {
			xs = append(xs, *r.Rate)
		}
	}
	if len(xs) == 0 {
		return nil
	}
	sort.Float64s(xs)
	m := xs[len(xs)/2]
	if len(xs)%2 == 0 {
		m = (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
	}
	return &m
}
