package score

// QuartileOf is the quarter of the benchmark a value falls in (1 = at or
// beyond the upper quartile on the better side, 4 the worst), as
// Participant.Quartile of a company-level benchmark. A respondent-level
// benchmark leaves Participant.Quartile unset; the report's executive
// summary reads a participant's quarter from here, so both kinds of
// benchmark use one rule.
func (b *Benchmark) QuartileOf(v float64) int { return quartileOf(b, v) }
