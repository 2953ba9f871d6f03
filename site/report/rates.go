package report

import (
	"strconv"

	"github.com/opros/opros/site/invite"
)

// Invitations are one wave's invitation list (opros invite's links file)
// and the invitation ids of the answers recorded in that wave.
type Invitations struct {
	Wave     int // 0: every wave
	List     []invite.Invitee
	Answered map[string]bool
	// Started are the invitations whose form page the collector served
	// (its started.ndjson; opros report --started); nil: not known.
	Started map[string]bool
}

// responseRates is the methodology page's section on response rates: per
// wave, all and each segment and channel value under the report's minimum
// sizes (invite.PublicRates); in a participant's deliverable, also its own
// rate against the median of its peers' when there are enough of them.
func (l *lang) responseRates() section {
	minP := 0
	if l.companyLevel() {
		minP = l.s.Bench.MinParticipants
	}
	sec := section{ID: "response-rates", Title: l.say(textResponseRates), Prose: markdownSafe(l.say(textRatesProse, strconv.Itoa(l.res.MinGroupSize), l.ratesCompanyRule(), l.t("rates_started_note")))}
	t := table{Head: []string{l.t("wave"), l.say(textGroup), l.say(textInvited), l.t("rates_started"), l.say(textCompleted), l.say(textResponseRate)}}
	for _, inv := range l.cfg.Invitations {
		for _, r := range invite.PublicRates(l.s, inv.List, inv.Answered, inv.Started, l.res.MinGroupSize, minP) {
			group := l.say(textAll)
			if r.Field != "" {
				group = l.dimLabel(r.Field) + ": " + l.valueLabel(r.Field, r.Value)
			}
			t.Rows = append(t.Rows, append([]string{l.rateWave(inv.Wave), group}, l.rateCells(r)...))
		}
	}
	sec.Tables = append(sec.Tables, t)
	if l.viewer != "" {
		sec.Tables = append(sec.Tables, l.ownRate())
	}
	return sec
}

func (l *lang) ratesCompanyRule() string {
	if !l.companyLevel() {
		return ""
	}
	return l.say(textRatesCompanyRule, strconv.Itoa(l.s.Bench.MinParticipants+1))
}

// ownRate is a deliverable's own response rate per wave and the median of
// the other participants' rates, shown when at least min_participants
// peers were invited (fewer would let a participant read a peer's rate).
func (l *lang) ownRate() table {
	t := table{Head: []string{l.t("wave"), l.say(textInvited), l.t("rates_started"), l.say(textCompleted), l.say(textYourResponseRate), l.say(textPeersMedian)}}
	field := l.s.Bench.Participant
	for _, inv := range l.cfg.Invitations {
		rates, _ := invite.Rates(l.s, inv.List, inv.Answered, inv.Started, 0)
		var own *invite.Rate
		var peers []invite.Rate
		for i, r := range rates {
			switch {
			case r.Field != field:
			case r.Value == l.viewer:
				own = &rates[i]
			default:
				peers = append(peers, r)
			}
		}
		if own == nil {
			continue // this participant was not on the wave's list
		}
		median := l.say(textSuppressed)
		if m := invite.Median(peers); m != nil && len(peers) >= l.s.Bench.MinParticipants {
			median = l.num(100 * *m)
		}
		t.Rows = append(t.Rows, []string{l.rateWave(inv.Wave), strconv.Itoa(own.Invited), l.startedCell(*own), strconv.Itoa(own.Completed), l.num(100 * *own.Rate), median})
	}
	return t
}

// overallRates is the overview's response rate: per wave, all invitees
// only, under the same rules as the methodology page (a list too small,
// or in a company-level benchmark of too few participants, is
// suppressed); nil without invitation lists.
func (l *lang) overallRates() *table {
	if len(l.cfg.Invitations) == 0 {
		return nil
	}
	minP := 0
	if l.companyLevel() {
		minP = l.s.Bench.MinParticipants
	}
	t := table{Head: []string{l.t("wave"), l.say(textInvited), l.t("rates_started"), l.say(textCompleted), l.say(textResponseRate)}}
	for _, inv := range l.cfg.Invitations {
		for _, r := range invite.PublicRates(l.s, inv.List, inv.Answered, inv.Started, l.res.MinGroupSize, minP) {
			if r.Field == "" {
				t.Rows = append(t.Rows, append([]string{l.rateWave(inv.Wave)}, l.rateCells(r)...))
			}
		}
	}
	return &t
}

func (l *lang) rateWave(wave int) string {
	if wave == 0 {
		return l.say(textAllWaves)
	}
	return strconv.Itoa(wave)
}

// rateCells are a group's invited, started, completed and rate; a
// suppressed group shows none of them.
func (l *lang) rateCells(r invite.Rate) []string {
	if r.Suppressed {
		return []string{l.say(textSuppressed), "", "", ""}
	}
	return []string{strconv.Itoa(r.Invited), l.startedCell(r), strconv.Itoa(r.Completed), l.num(100 * *r.Rate)}
}

// startedCell says "not known" where no collector's log of the forms it
// served was given, never a guess.
func (l *lang) startedCell(r invite.Rate) string {
	if r.Started == nil {
		return l.t("rates_started_unknown")
	}
	return strconv.Itoa(*r.Started)
}
