// Package score is the scoring engine: it reads ingested Parquet files in
// Arrow record batches and computes every figure a report shows — option
// shares, means, medians, the survey's indexes and block scores with their
// intervals, maturity levels, breakdowns by participant, segment and wave,
// tests against the rest and against the previous wave, benchmark bands,
// ranks and key drivers — into one Results value that the report renders
// without doing any statistics itself.
//
// Partial aggregates are plain sums, kept per group and merged, so memory
// depends on the number of groups, not rows, and row groups are scored in
// parallel with the same result whatever the number of workers (sums of
// integer answers are exact in float64 whatever their order).
package score

// Results is everything the report needs. Groups are sorted: the whole
// sample first, then each breakdown in the survey's order, values sorted.
type Results struct {
	Survey       string       `json:"survey"`
	Version      string       `json:"version"`
	N            int          `json:"n"`
	Waves        []int        `json:"waves"`
	Fieldwork    Fieldwork    `json:"fieldwork"`
	MinGroupSize int          `json:"min_group_size"`
	Weighted     bool         `json:"weighted"`
	Raking       []RakeWave   `json:"raking,omitempty"`
	Dims         []Dim        `json:"dims"`
	Groups       []*Group     `json:"groups"`
	Benchmarks   []*Benchmark `json:"benchmarks,omitempty"`
	Drivers      *Drivers     `json:"drivers,omitempty"`
	// NoValue counts, per expr index, the respondents whose formula gave
	// no finite number (a division by zero): they have no value for that
	// index, like a missing answer, and are said, not dropped silently.
	NoValue map[string]int `json:"no_value,omitempty"`
	// Unit is the unit of analysis, ir.UnitParticipant for a company-level
	// benchmark (each participant answers once per wave), else empty. Then
	// MinGroupSize is the number of participants a peer group needs
	// (min_participants + 1: any participant in it, taking itself away,
	// still leaves min_participants others), group figures are means over
	// participants with their Spread and no interval, and Own holds each
	// participant's own figures, by wave, for its own page only
	// (docs/methods.md, "Company-level benchmarks").
	Unit            string   `json:"unit,omitempty"`
	MinParticipants int      `json:"min_participants,omitempty"`
	Own             []*Group `json:"own,omitempty"`
	// Endings counts the respondents by wave and the ending they reached
	// (a survey's ending blocks: completion and screen-out), unweighted,
	// in wave order and the survey's order of endings, none ("") last.
	Endings []EndingCount `json:"endings,omitempty"`
	// Recoded is how many answer values ingest read as the old tool's
	// codes (option source) in the files scored, from their metadata
	// (opros.recoded): the methodology page says so.
	Recoded int `json:"recoded,omitempty"`
}

// EndingCount is the number of respondents of a wave who reached an
// ending ("": none held, the thank-you text was shown).
type EndingCount struct {
	Wave   int    `json:"wave"`
	Ending string `json:"ending"`
	N      int    `json:"n"`
}

// Spread is the distribution of a figure over the participants of a group
// (company-level benchmarks): participants are not a random sample, so
// their median, quartiles (type 7) and range are shown, not an interval.
type Spread struct {
	N      int     `json:"n"` // participants with a value
	Min    float64 `json:"min"`
	Q1     float64 `json:"q1"`
	Median float64 `json:"median"`
	Q3     float64 `json:"q3"`
	Max    float64 `json:"max"`
}

// RakeWave is how one wave's weights were raked to the survey's margins.
type RakeWave struct {
	Wave         int          `json:"wave"`
	Respondents  int          `json:"respondents"` // raked: every margin's value known and targeted
	Unraked      int          `json:"unraked"`     // a margin value missing or without a target: base weight kept
	Iterations   int          `json:"iterations"`
	Converged    bool         `json:"converged"`
	MinFactor    float64      `json:"min_factor"`
	MaxFactor    float64      `json:"max_factor"`
	DesignEffect float64      `json:"design_effect"` // Kish's 1 + CV² of the raking factors
	Margins      []RakeMargin `json:"margins"`
}

// RakeMargin compares one margin's shares with its targets.
type RakeMargin struct {
	Field  string      `json:"field"`
	Values []RakeValue `json:"values"`
}

// RakeValue is one value of a margin, shares in percent of raked respondents.
type RakeValue struct {
	Code     string  `json:"code"`
	Target   float64 `json:"target"`
	Sample   float64 `json:"sample"`          // before raking (base weights)
	Weighted float64 `json:"weighted"`        // after raking
	Empty    bool    `json:"empty,omitempty"` // no respondent has it: its target went to the others
}

// Fieldwork is the span of submission dates (YYYY-MM-DD).
type Fieldwork struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// Dim is one breakdown: a hidden field or question, "wave", or a
// participant within a wave ("<participant>+wave").
type Dim struct {
	ID     string   `json:"id"`
	Values []string `json:"values"`
}

// Group is the figures for one group of respondents. A suppressed group
// (fewer respondents than the survey's minimum group size) carries its size
// only: no figure at all, never a number.
type Group struct {
	Key        string  `json:"key"` // "all", "wave=2018", "company=Acme", "company=Acme|wave=2018"
	Dim        string  `json:"dim"` // "" for all
	Value      string  `json:"value,omitempty"`
	Wave       int     `json:"wave,omitempty"` // set when the group lies within one wave
	N          int     `json:"n"`
	NEff       float64 `json:"n_eff"`
	Suppressed bool    `json:"suppressed,omitempty"`
	// Complement: large enough, but hidden so that no suppressed group can
	// be worked out from the published ones by adding and subtracting along
	// the linked tables, or pinned by those sums and its counts' bounds
	// (disclose.go).
	Complement bool `json:"complement,omitempty"`
	// Participants is the number of distinct participants in the group
	// (company-level benchmarks only).
	Participants int                      `json:"participants,omitempty"`
	Questions    map[string]*QuestionStat `json:"questions,omitempty"`
	Indexes      map[string]*Figure       `json:"indexes,omitempty"`
	Blocks       map[string]*Figure       `json:"blocks,omitempty"`
	Verbatims    map[string][]Verbatim    `json:"verbatims,omitempty"`
}

// Figure is one index or block value with its interval and tests. Low,
// High and SE are NaN (null in JSON) when there is no interval, and
// NoInterval says why: "n" (fewer than 2 answers) or "variance" (a mean of
// answers that are all the same). Intervals never leave the index's range:
// t intervals are clipped to it (Wilson and adjusted Wald stay inside).
type Figure struct {
	Value      float64 `json:"value"`
	Low        float64 `json:"low"`
	High       float64 `json:"high"`
	SE         float64 `json:"se"`
	NoInterval string  `json:"no_interval,omitempty"`
	N          float64 `json:"n"`               // valid answers (weighted: the sum of their weights)
	Method     string  `json:"method"`          // "nps", "wilson", "t"
	Level      string  `json:"level,omitempty"` // maturity level ID (0-100 scores)
	// NPS composition, shares in percent.
	Promoters  float64 `json:"promoters,omitempty"`
	Passives   float64 `json:"passives,omitempty"`
	Detractors float64 `json:"detractors,omitempty"`
	// VsRest compares the group with all other respondents; VsPrevious
	// compares a wave with the previous wave of the same group.
	VsRest     *Test `json:"vs_rest,omitempty"`
	VsPrevious *Test `json:"vs_previous,omitempty"`
	// Spread is the figure's distribution over participants
	// (company-level benchmarks).
	Spread *Spread `json:"spread,omitempty"`
}

// Test is a significance test of a difference. A difference that no test
// is defined for keeps its Diff, has NaN Stat and p-values (null in JSON), is
// never Significant and says why in NotTestable: "no_variance" (means of two
// groups that each gave one answer only, all the same), "too_few" (a mean
// where one group holds a single answer, or a weighted n_eff below 2) or
// "participants" (a company-level change, see peers.go).
type Test struct {
	Against     string  `json:"against"`
	Diff        float64 `json:"diff"`
	Stat        float64 `json:"stat"`
	P           float64 `json:"p"`
	PAdjusted   float64 `json:"p_adjusted"` // Holm, across the values of one breakdown
	Significant bool    `json:"significant"`
	Method      string  `json:"method"` // "nps-z" (adjusted Wald), "two-proportion-z", "welch-t"
	NotTestable string  `json:"not_testable,omitempty"`
}

// QuestionStat is the distribution of one question in a group.
type QuestionStat struct {
	Valid    float64      `json:"valid"`             // answered, excluding missing codes / N/A
	Missing  float64      `json:"missing"`           // answered with a missing code or the scale's N/A choice
	Options  []OptionStat `json:"options,omitempty"` // choice questions; multi: share of respondents
	Rows     []RowStat    `json:"rows,omitempty"`    // matrix
	Items    []ItemStat   `json:"items,omitempty"`   // inputs: one per box
	Cells    []CellStat   `json:"cells,omitempty"`   // matrix_multi, grid: one per cell, row by row
	Mean     *float64     `json:"mean,omitempty"`
	SD       *float64     `json:"sd,omitempty"`
	Median   *float64     `json:"median,omitempty"`
	MeanLow  *float64     `json:"mean_low,omitempty"`
	MeanHigh *float64     `json:"mean_high,omitempty"`
	// NoInterval says why a mean has no interval: "n" or "variance".
	NoInterval string      `json:"no_interval,omitempty"`
	Points     []PointStat `json:"points,omitempty"` // scale distribution
	// Spread is a number's distribution over participants (company-level
	// benchmarks).
	Spread *Spread `json:"spread,omitempty"`
}

// OptionStat is one option's count and share (percent of valid answers, or
// of respondents for multi) with its Wilson interval.
type OptionStat struct {
	Code  string  `json:"code"`
	Count float64 `json:"count"`
	Share float64 `json:"share"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
}

// ItemStat is one box of an inputs question: its answers (Valid) and,
// for numbers, the figures of a number question.
type ItemStat struct {
	Code       string   `json:"code"`
	Valid      float64  `json:"valid"`
	N          int      `json:"n"` // respondents behind Valid, unweighted (company level: participants): what the minimum counts
	Mean       *float64 `json:"mean,omitempty"`
	SD         *float64 `json:"sd,omitempty"`
	Median     *float64 `json:"median,omitempty"`
	MeanLow    *float64 `json:"mean_low,omitempty"`
	MeanHigh   *float64 `json:"mean_high,omitempty"`
	NoInterval string   `json:"no_interval,omitempty"`
	// Ranking: the share (%) of those who ranked this item who ranked it
	// first, with its Wilson interval.
	First     float64 `json:"first,omitempty"`
	FirstLow  float64 `json:"first_low,omitempty"`
	FirstHigh float64 `json:"first_high,omitempty"`
	Hidden
}

// Hidden says why a box's, a matrix row's or a cell's figures are not
// published (cells.go), as Group's fields say it of a group: Suppressed,
// too few answered it (respondents, or participants in a company-level
// benchmark); Complement, hidden too so that no such one can be worked out
// from the others. Only its n is kept then; every figure is null (NaN) or
// left out.
type Hidden struct {
	Suppressed bool `json:"suppressed,omitempty"`
	Complement bool `json:"complement,omitempty"`
}

// RowStat is a matrix row's distribution.
type RowStat struct {
	Code    string       `json:"code"`
	Valid   float64      `json:"valid"`
	N       int          `json:"n"` // respondents behind Valid, unweighted (company level: participants): what the minimum counts
	Missing float64      `json:"missing"`
	Options []OptionStat `json:"options"`
	Hidden
}

// CellStat is one cell of a matrix_multi or grid question: the answers
// behind it (a matrix_multi's: its row's, ticked or not) and, by the
// cells' kind, the share who ticked the box (matrix_multi), the figures of
// a number (a grid of numbers) or each option's count and share of the
// cell's answers (a grid of dropdowns).
type CellStat struct {
	Row   string  `json:"row"`
	Col   string  `json:"col"`
	Valid float64 `json:"valid"`
	// N is the respondents behind Valid, unweighted: what the minimum
	// group size counts; in a company-level benchmark, the distinct
	// participants, which the minimum counts there.
	N int `json:"n"`
	// matrix_multi: the share (%) of the row's respondents who ticked
	// the box, with its Wilson interval (NaN, null in JSON, otherwise).
	Share float64 `json:"share"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	// A grid of numbers: as a number question's.
	Mean       *float64 `json:"mean,omitempty"`
	SD         *float64 `json:"sd,omitempty"`
	Median     *float64 `json:"median,omitempty"`
	MeanLow    *float64 `json:"mean_low,omitempty"`
	MeanHigh   *float64 `json:"mean_high,omitempty"`
	NoInterval string   `json:"no_interval,omitempty"`
	// A grid of dropdowns: each option's count and share of the cell's
	// answers, with its Wilson interval.
	Options []OptionStat `json:"options,omitempty"`
	Hidden
}

// PointStat is one point of a scale.
type PointStat struct {
	Value int     `json:"value"`
	Count float64 `json:"count"`
	Share float64 `json:"share"`
}

// Verbatim is one free-text answer, with the response it came from.
type Verbatim struct {
	Response string `json:"response"`
	Text     string `json:"text"`
}

// Benchmark compares participants on one index or block in one wave.
type Benchmark struct {
	Kind         string        `json:"kind"` // "index" or "block"
	ID           string        `json:"id"`
	Wave         int           `json:"wave"`
	LowerBetter  bool          `json:"lower_better,omitempty"`
	Suppressed   bool          `json:"suppressed,omitempty"` // fewer participants than the minimum
	Median       float64       `json:"median"`
	Q1           float64       `json:"q1"`
	Q3           float64       `json:"q3"`
	Best         float64       `json:"best"`
	Min          float64       `json:"min,omitempty"` // company-level benchmarks: the range over participants
	Max          float64       `json:"max,omitempty"`
	Participants []Participant `json:"participants,omitempty"`
}

// Participant is one participant's place in a benchmark.
type Participant struct {
	Name       string  `json:"name"`
	Value      float64 `json:"value"`
	Rank       int     `json:"rank"`           // 1 = best; equal values share the best rank of the tie
	Tied       bool    `json:"tied,omitempty"` // another participant has the same value
	Percentile float64 `json:"percentile"`     // mid-rank: (others beaten + ½ others tied)/(participants − 1), percent
	Gap        float64 `json:"gap"`            // value − benchmark median
	Level      string  `json:"level,omitempty"`
	// Quartile is 1 for the best quarter (at or beyond the upper quartile
	// on the better side), 4 for the worst, 2 and 3 on either side of the
	// median.
	Quartile int `json:"quartile,omitempty"`
}

// Drivers relates driver items to the outcome at respondent level. N counts
// respondents (with weights, the correlations are weighted; the report says
// so). R² and the items' weights and shares are NaN (null in JSON) when they
// cannot be computed: a driver or the outcome without variance.
type Drivers struct {
	Outcome  string       `json:"outcome"`
	N        int          `json:"n"`
	Weighted bool         `json:"weighted,omitempty"`
	R2       float64      `json:"r2"`
	Items    []DriverStat `json:"items"` // ranked by relative weight
}

// DriverStat is one driver: its correlation with the outcome (NaN when
// either has no variance) and its share of the explained variance
// (Johnson's relative weights).
type DriverStat struct {
	Ref         string  `json:"ref"`
	Correlation float64 `json:"correlation"`
	Weight      float64 `json:"weight"` // raw relative weight (sums to R²)
	Share       float64 `json:"share"`  // percent of R²
}

// Group returns the group with the key, or nil.
func (r *Results) Group(key string) *Group {
	for _, g := range r.Groups {
		if g.Key == key {
			return g
		}
	}
	return nil
}

// Benchmark returns the benchmark of an index or block, or nil.
func (r *Results) Benchmark(kind, id string) *Benchmark {
	for _, b := range r.Benchmarks {
		if b.Kind == kind && b.ID == id {
			return b
		}
	}
	return nil
}
