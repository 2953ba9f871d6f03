// Package ir is the one intermediate representation of a survey that the
// compiler produces and every later phase (forms, collection, ingest, scoring,
// report) reads. Nothing downstream looks at HCL: if a later phase needs a
// fact about the survey, it belongs here.
//
// The IR is plain data with JSON tags; survey.json is this struct marshalled.
// Slices are in declaration order and that order is meaningful (pages,
// questions, options, matrix rows, maturity axes).
package ir

// Text is user-visible text keyed by language code ("ru", "en"). The compiler
// guarantees that every language in Survey.Languages has a key, so readers can
// index it directly; Get falls back to the first language anyway so a
// hand-built IR in a test does not need every key.
type Text map[string]string

// Get returns the text in lang, or in the first language that has one
// (languages sorted for determinism) when lang is missing.
func (t Text) Get(lang string) string {
	if s, ok := t[lang]; ok {
		return s
	}
	best := ""
	for k := range t {
		if best == "" || k < best {
			best = k
		}
	}
	return t[best]
}

// Range is a source location carried by every node so that later phases
// (ingest errors, report warnings) can still point at the survey file.
// Lines and columns are 1-based, as in hcl.Pos.
type Range struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
}

// Survey is the compiled survey: metadata, pages, scoring rules.
type Survey struct {
	ID        string    `json:"id"`
	Title     Text      `json:"title"`
	Languages []string  `json:"languages"` // first is the default language
	Version   string    `json:"version"`   // author's label, e.g. "2018.1"
	Wave      int       `json:"wave"`      // e.g. 2018; 0 when the survey has no waves
	Endpoint  Endpoint  `json:"endpoint"`
	ThankYou  Text      `json:"thank_you,omitempty"`
	Intro     Text      `json:"intro,omitempty"` // Markdown shown before the first page
	Theme     Theme     `json:"theme"`
	UI        UIStrings `json:"ui,omitempty"` // the survey's own interface text of its forms

	Hidden  []Hidden   `json:"hidden,omitempty"`
	Pages   []Page     `json:"pages"`
	Indexes []Index    `json:"indexes,omitempty"`
	Blocks  []Block    `json:"blocks,omitempty"`
	Levels  []Level    `json:"maturity_levels,omitempty"` // ascending by Min
	Bench   Benchmark  `json:"benchmark"`
	Report  *Report    `json:"report,omitempty"`
	Vars    []Variable `json:"variables"` // codebook / Parquet columns for answers, in order
	Range   Range      `json:"range"`
	Hash    string     `json:"hash"` // "sha256:<hex>" of the canonical IR without Hash and ranges

	// Invitations, when set, makes the form carry a signed invitation
	// (site/invite) and the collector and ingest check it.
	Invitations *Invitations `json:"invitations,omitempty"`

	// Flow is the survey's flow block, nil without one: what it says
	// of the form's steps (Survey.ReviewStep, Survey.ProgressShown).
	Flow *Flow `json:"flow,omitempty"`

	// Endings are the survey's ending blocks in order: what a respondent
	// sees (or where the form sends them) after submitting. The data's
	// ending column names the one reached (site/answer.Ending).
	Endings []Ending `json:"endings,omitempty"`

	// Calculations are the survey's calculate blocks in form order.
	Calculations []Calculation `json:"calculations,omitempty"`

	// Loops are the survey's loop blocks, whose iterations are written
	// out in Pages (Loop).
	Loops []Loop `json:"loops,omitempty"`
}

// Ending is one way a survey ends. A respondent who completes the survey
// reaches the first ending that is not a screen-out ending and whose
// ShowIf holds (or has none); one screened out by a page's ScreenOut
// reaches the ending it names.
type Ending struct {
	ID     string `json:"id"`
	ShowIf *Expr  `json:"show_if,omitempty"`
	Text   Text   `json:"text,omitempty"` // Markdown; none: the survey's thank-you text
	// Redirect is an http(s) URL the form goes to once the answers are
	// stored; {response_id} and {hidden.ID} in it are filled in,
	// query-escaped (RedirectURL).
	Redirect string `json:"redirect,omitempty"`
	// ScreenOut: a page's screen_out names it, so it is reached only
	// that way, never by completing the survey.
	ScreenOut bool  `json:"screen_out,omitempty"`
	Range     Range `json:"range"`
}

// ScreenOut ends the survey when the respondent leaves its page and If
// holds: the answers so far are submitted, the later pages are not asked,
// and the respondent reaches Ending.
type ScreenOut struct {
	If     *Expr  `json:"if"`
	Ending string `json:"ending"`
	Range  Range  `json:"range"`
}

// Flow is how the form steps through the pages, as the author wrote it:
// a nil field was not set and takes its default.
type Flow struct {
	Review   *bool `json:"review,omitempty"`   // a review step before Submit
	Progress *bool `json:"progress,omitempty"` // the step counter and bar
	Range    Range `json:"range"`
}

// ReviewStep reports whether the form ends with a review step listing
// the answers before Submit: as the flow block says, else when the
// survey has more than one page (a one-page survey's answers are all on
// the page that submits them).
func (s *Survey) ReviewStep() bool {
	if s.Flow != nil && s.Flow.Review != nil {
		return *s.Flow.Review
	}
	return len(s.Pages) > 1
}

// ProgressShown reports whether the form shows "Step i of n" and a bar:
// as the flow block says, else when there is more than one step.
func (s *Survey) ProgressShown() bool {
	if s.Flow != nil && s.Flow.Progress != nil {
		return *s.Flow.Progress
	}
	return len(s.Pages) > 1
}

// Endpoint is where forms send answers.
type Endpoint struct {
	URL    string `json:"url"`
	Format string `json:"format"` // "json" (fetch, default) or "form" (application/x-www-form-urlencoded)
}

// Theme is the survey's look.
type Theme struct {
	Accent string `json:"accent,omitempty"` // CSS colour, e.g. "#0b5fff"
	Logo   string `json:"logo,omitempty"`   // path relative to the survey folder, copied next to the form
	// LogoHeight is the logo's height in CSS pixels (0: the form's
	// default, at most 3rem high and 12rem wide).
	LogoHeight int `json:"logo_height,omitempty"`
}

// Invitations is how a survey takes answers through signed invitation
// links (opros invite).
type Invitations struct {
	// Required refuses an answer without a valid invitation; otherwise
	// answers with and without one are both taken, and marked.
	Required bool `json:"required"`
	// Once is "first" or "last" when each invitation counts once (the
	// first or the last answer through it); "" when every answer counts.
	Once  string `json:"once,omitempty"`
	Range Range  `json:"range"`
}

// Once rules of Invitations and of a participant-level Benchmark.
const (
	OnceFirst = "first"
	OnceLast  = "last"
)

// Hidden is a field filled from the form URL's query string, e.g.
// ?company=acme. Role says what the report does with it.
type Hidden struct {
	ID      string `json:"id"`
	Param   string `json:"param"`   // query parameter name; defaults to ID
	Label   Text   `json:"label"`   // defaults to ID in every language
	Role    string `json:"role"`    // "participant", "segment", "channel" or "" (kept, not analysed)
	Default string `json:"default"` // value when the URL has none
	// Personal: the value identifies a person; it never appears in a
	// participant's drill-down to records (Report.Records).
	Personal bool  `json:"personal,omitempty"`
	Range    Range `json:"range"`
}

// Page is one screen of the form (a section in the no-JS form).
type Page struct {
	ID        string     `json:"id"`
	Title     Text       `json:"title"`
	Intro     Text       `json:"intro,omitempty"` // Markdown
	ShowIf    *Expr      `json:"show_if,omitempty"`
	Questions []Question `json:"questions"`
	// ScreenOut, in order: the first that holds when the respondent
	// leaves the page ends the survey there.
	ScreenOut []ScreenOut `json:"screen_out,omitempty"`
	// Iteration: the page is one iteration of a loop, shown while the
	// loop's question has its option (ShowIf says so).
	Iteration *Iteration `json:"iteration,omitempty"`
	// Rules are the page's validate blocks: checks across its questions
	// (and earlier answers) made when the respondent leaves the page,
	// if it was shown; each must hold or the page's message blocks Next.
	Rules []Rule `json:"rules,omitempty"`
	Range Range  `json:"range"`
}

// Question types.
const (
	Single   = "single"   // radio buttons; Style "statements" renders each option as a full maturity statement
	Multi    = "multi"    // checkboxes, "select all that apply"
	Dropdown = "dropdown" // <select>, one answer
	Matrix   = "matrix"   // Rows × Options, one option per row
	Likert   = "likert"   // agreement scale Scale.Min..Scale.Max with end labels (or a label per point)
	Scale    = "scale"    // numeric scale Scale.Min..Scale.Max with end labels
	NPS      = "nps"      // 0..10
	Rating   = "rating"   // 1..5 or 1..10 (CSAT, CES)
	TextQ    = "text"     // short text, or long with Multiline
	Number   = "number"   // Min, Max, Integer
	Email    = "email"
	Date     = "date"    // "YYYY-MM-DD"
	Boolean  = "boolean" // yes or no: a JSON true or false, labelled TrueLabel and FalseLabel
	// Inputs is several labelled boxes under one question (SurveyJS
	// multipletext, LimeSurvey multiple numerical input): one per Items,
	// each its own answer and column <q>_<item>, text or (Input "number")
	// numbers under the question's text or number limits.
	Inputs = "inputs"
	// ConstantSum is a number per item that must add up to Total (100
	// unless the author says): boxes like an Inputs question of numbers.
	ConstantSum = "constant_sum"
	// Ranking orders Rank of its items (all by default): a rank 1..Rank
	// per item, each rank given once, without gaps, in a box per item.
	Ranking = "ranking"
	// MatrixMulti is a matrix with several answers per row (SurveyJS
	// matrixdropdown with cellType checkbox, Qualtrics matrix multiple
	// answer): a checkbox per row and option, each cell its own answer
	// and bool column <q>_<row>_<option> (Question.Cells), with MinSelect
	// and MaxSelect counted per row and an Exclusive option clearing its
	// row. A type of its own, not a flag on Matrix: its answer is a
	// boolean per cell where a matrix's is a code per row, so every
	// reader that switches on the type must treat it apart.
	MatrixMulti = "matrix_multi"
	// Grid is Rows × Cols with a box in every cell (LimeSurvey "Array
	// (numbers)", SurveyJS matrixdropdown): a number under the
	// question's Min, Max and Integer (Input InputNumber), or a choice
	// of Options from a dropdown (Input InputDropdown); each cell its
	// own answer and column <q>_<row>_<col> (Question.Cells).
	Grid = "grid"
)

// Input kinds of an Inputs question (text, number) and of a Grid's
// cells (number, dropdown).
const (
	InputText     = "text"
	InputNumber   = "number"
	InputDropdown = "dropdown"
)

// IsScaleType reports whether answers are integers on Question.Scale.
func IsScaleType(t string) bool {
	return t == Likert || t == Scale || t == NPS || t == Rating
}

// IsChoiceType reports whether answers are option codes.
func IsChoiceType(t string) bool {
	return t == Single || t == Multi || t == Dropdown || t == Matrix
}

// Question is one question. Which fields matter depends on Type.
type Question struct {
	ID string `json:"id"`
	// Source is the name the tool the survey was imported from gave this
	// question (its column or key, "team-size" where opros says
	// team_size): ingest reads a record's answer under it as this
	// question's (option Source's pattern).
	Source   string `json:"source,omitempty"`
	Type     string `json:"type"`
	Style    string `json:"style,omitempty"` // Single: "statements" (maturity levels as statements)
	Text     Text   `json:"text"`
	Help     Text   `json:"help,omitempty"` // Markdown
	Required bool   `json:"required"`
	ShowIf   *Expr  `json:"show_if,omitempty"`
	Page     string `json:"page"` // ID of the page it is on
	// Personal: the answer identifies a person; it never appears in a
	// participant's drill-down to records (Report.Records). E-mail
	// questions are personal whether marked or not.
	Personal bool `json:"personal,omitempty"`
	// Iteration: the question is asked in one iteration of a loop.
	Iteration *Iteration `json:"iteration,omitempty"`

	// Choice questions.
	Options []Option `json:"options,omitempty"`
	// OptionsFrom carries options forward from an earlier question (its
	// options_from block): Options begins with those, marked Carried.
	OptionsFrom *OptionsFrom `json:"options_from,omitempty"`
	Rows        []Row        `json:"rows,omitempty"`       // Matrix, MatrixMulti, Grid
	Cols        []Row        `json:"cols,omitempty"`       // Grid: its columns (a MatrixMulti's columns are its Options)
	Randomize   bool         `json:"randomize,omitempty"`  // shuffle options (rows for Matrix) except anchored ones, stable per respondent
	Columns     int          `json:"columns,omitempty"`    // Single, Multi: options laid out in this many columns on wide screens (0, 1: one)
	MinSelect   int          `json:"min_select,omitempty"` // MatrixMulti: per row
	MaxSelect   int          `json:"max_select,omitempty"` // 0 = no limit; MatrixMulti: per row

	// Scale questions (Likert, Scale, NPS, Rating). Always set for those types.
	Scale *ScaleDef `json:"scale,omitempty"`

	// Text, Email.
	Multiline      bool   `json:"multiline,omitempty"`
	MinLength      int    `json:"min_length,omitempty"`
	MaxLength      int    `json:"max_length,omitempty"` // 0 = no limit
	Pattern        string `json:"pattern,omitempty"`    // RE2 and ECMAScript compatible, anchored by readers (^(?:...)$)
	PatternMessage Text   `json:"pattern_message,omitempty"`

	// Messages are the question's own texts for a failed check, by
	// MessageKeys name (its messages block; "pattern" is PatternMessage),
	// replacing the form's built-in text of that name; {n} is the limit.
	Messages map[string]Text `json:"messages,omitempty"`
	// Rules are the question's validate blocks: checked when it is
	// answered, each must hold or the form shows its message.
	Rules       []Rule `json:"rules,omitempty"`
	Placeholder Text   `json:"placeholder,omitempty"`

	// Number.
	Min     *float64 `json:"min,omitempty"`
	Max     *float64 `json:"max,omitempty"`
	Integer bool     `json:"integer,omitempty"`

	// Inputs: its boxes, in the order shown, and what they take
	// (InputText or InputNumber; the limits above apply to each box).
	// Grid: what its cells take (InputNumber under the number limits,
	// or InputDropdown of Options).
	Items []Row  `json:"items,omitempty"`
	Input string `json:"input,omitempty"`
	// ConstantSum: what the boxes add up to.
	Total float64 `json:"total,omitempty"`
	// Ranking: how many items are ranked.
	Rank int `json:"rank,omitempty"`

	// Boolean: what the two answers say, in every language of the survey
	// (the compiler fills in "Yes" and "No" where the author gave none).
	TrueLabel  Text `json:"true_label,omitempty"`
	FalseLabel Text `json:"false_label,omitempty"`

	Range Range `json:"range"`
}

// Option is one answer option of a choice question. Codes are stable across
// versions and languages: they, not labels, are stored in the data.
type Option struct {
	Code      string   `json:"code"`
	Label     Text     `json:"label"`
	Other     bool     `json:"other,omitempty"`     // "Other (specify)": carries free text in variable <q>_other
	Exclusive bool     `json:"exclusive,omitempty"` // Multi: selecting it clears the others ("None of the above")
	Missing   bool     `json:"missing,omitempty"`   // "Not applicable", "Don't know": counted apart, skipped by scoring
	Anchor    bool     `json:"anchor,omitempty"`    // keeps its position when options are randomised
	Score     *float64 `json:"score,omitempty"`     // numeric value for scoring (maturity level, Likert point)
	// Carried: copied from the question's OptionsFrom source, offered
	// only as Question.Offered says.
	Carried bool `json:"carried,omitempty"`
	// ShowIf offers the option only when it holds (earlier answers and
	// hidden fields); an answer choosing it otherwise is refused.
	ShowIf *Expr `json:"show_if,omitempty"`
	// Source is the code the tool the survey was imported from stored
	// for this option ("2.0" where opros says c2_0): ingest reads a
	// record giving it as this option, so that answers exported from
	// that tool can be ingested. Never posted by the forms.
	Source string `json:"source,omitempty"`
	Range  Range  `json:"range"`
}

// Row is one row of a matrix question.
type Row struct {
	Code  string `json:"code"`
	Label Text   `json:"label"`
	// Source is the name the tool the survey was imported from gave this
	// row or item (option Source's pattern): ingest reads a record's
	// answer keyed by it as this row's.
	Source string `json:"source,omitempty"`
	Range  Range  `json:"range"`
}

// ScaleDef is the numeric range of a scale question with its labels.
type ScaleDef struct {
	Min      int    `json:"min"`
	Max      int    `json:"max"`
	MinLabel Text   `json:"min_label,omitempty"`
	MaxLabel Text   `json:"max_label,omitempty"`
	Labels   []Text `json:"labels,omitempty"`  // one per point Min..Max, optional
	Missing  Text   `json:"missing,omitempty"` // label of an extra "don't know / N/A" choice; answer stored as null with <q>_na = true
}

// Index kinds.
const (
	IndexNPS     = "nps"      // Items[0] is an NPS (0-10) question: %9-10 − %0-6
	IndexTopBox  = "top_box"  // share of answers in the top Top points of Items[0]'s scale (CSAT), ×100
	IndexMean    = "mean"     // mean of Items[0] on its own scale (CES)
	IndexMean100 = "mean_100" // weighted mean of Items rescaled to 0-100
	IndexCount   = "count"    // number of Options selected in Items[0] (a multi), per respondent, then averaged
	IndexShare   = "share"    // share of respondents selecting any of Options in Items[0], ×100
	IndexExpr    = "expr"     // Expr evaluated per respondent, then averaged
	IndexBlocks  = "blocks"   // weighted mean of block scores (Items are block IDs)
	// IndexSum is the weighted sum of Items' own values per respondent
	// (scale points, option scores), then averaged; a respondent with any
	// item missing (unanswered, a Missing option, the scale's missing
	// choice) has no sum and is left out. Min and Max are the weighted sums
	// of the items' lowest and highest values.
	IndexSum = "sum"
)

// Index is a scoring rule producing one figure per group of respondents.
type Index struct {
	ID          string    `json:"id"`
	Title       Text      `json:"title"`
	Description Text      `json:"description,omitempty"` // Markdown, shown in methodology
	Kind        string    `json:"kind"`
	Items       []string  `json:"items"`             // references: "q", or "q.row" for a matrix row, or block IDs for IndexBlocks
	Weights     []float64 `json:"weights,omitempty"` // parallel to Items; nil = equal (1 each for IndexSum)
	Top         int       `json:"top,omitempty"`     // IndexTopBox: number of top points (2 = top-2-box)
	Bottom      int       `json:"bottom,omitempty"`  // IndexTopBox: also report bottom-box share
	Options     []string  `json:"options,omitempty"` // IndexCount, IndexShare
	Expr        *Expr     `json:"expr,omitempty"`    // IndexExpr
	Min         float64   `json:"min"`               // range of the index value, for charts (NPS -100..100, 0..100, scale range)
	Max         float64   `json:"max"`
	LowerBetter bool      `json:"lower_better,omitempty"` // CES on the effort scale: lower is better
	Range       Range     `json:"range"`
}

// Block groups items into one 0-100 score, an axis of the maturity map.
// Each item is rescaled to 0-100 from its scale (or from its options' Score
// range) before the weighted mean; Missing options are skipped.
type Block struct {
	ID      string    `json:"id"`
	Title   Text      `json:"title"`
	Items   []string  `json:"items"` // "q" or "q.row"
	Weights []float64 `json:"weights,omitempty"`
	Range   Range     `json:"range"`
}

// Level is a maturity level: a score (0-100) at or above Min and below the
// next level's Min gets this level.
type Level struct {
	ID          string  `json:"id"`
	Title       Text    `json:"title"`
	Description Text    `json:"description,omitempty"`
	Min         float64 `json:"min"`
	Range       Range   `json:"range"`
}

// Benchmark says how respondents group into participants and segments.
type Benchmark struct {
	Participant     string   `json:"participant,omitempty"` // Hidden ID identifying the participant (company)
	Segments        []string `json:"segments,omitempty"`    // Hidden or question IDs used for breakdowns
	MinGroupSize    int      `json:"min_group_size"`        // respondents; smaller groups are suppressed. Default 5
	MinParticipants int      `json:"min_participants"`      // participants in a peer group; default 3
	Weight          string   `json:"weight,omitempty"`      // Hidden ID or number question holding a case weight
	Competitors     bool     `json:"competitors,omitempty"` // show named competitor rankings (else anonymised)
	Outcome         string   `json:"outcome,omitempty"`     // index ID used as the outcome in driver analysis
	Drivers         []string `json:"drivers,omitempty"`     // item references for driver analysis
	Margins         []Margin `json:"margins,omitempty"`     // known population shares to rake weights to
	// Unit is the unit of analysis: UnitRespondent (default: many
	// respondents per participant, e.g. customers) or UnitParticipant (each
	// participant answers once per wave: a company-level benchmark or a
	// self-assessment).
	Unit string `json:"unit,omitempty"`
	// Once says which of a participant's submissions in one wave counts
	// when it sent more than one (UnitParticipant only): OnceLast (the
	// default) or OnceFirst, by submission time, ties by response id, as
	// Invitations.Once does for an invitation. Ingest sets the others
	// aside.
	Once  string `json:"once,omitempty"`
	Range Range  `json:"range"`
}

// Units of analysis (Benchmark.Unit).
const (
	UnitRespondent  = "respondent"
	UnitParticipant = "participant"
)

// Margin is one `margin` block: the known population share of each value
// of a field. Respondents' weights are raked (iterative proportional
// fitting) so that every margin's weighted shares match, within each wave.
type Margin struct {
	Field   string   `json:"field"`   // Hidden ID or single-choice question ID
	Targets []Target `json:"targets"` // sorted by code; shares sum to 1
	Range   Range    `json:"range"`
}

// Target is one value's population share.
type Target struct {
	Code  string  `json:"code"`
	Share float64 `json:"share"`
}

// Report is the optional `report` block: how the report site is built.
type Report struct {
	Title      Text     `json:"title"`
	Languages  []string `json:"languages"`            // interface languages; default the survey's
	Indexes    []string `json:"indexes,omitempty"`    // index IDs to headline; default all
	Breakdowns []string `json:"breakdowns,omitempty"` // hidden/question IDs; default Benchmark.Segments
	Theme      string   `json:"theme,omitempty"`      // folder of template/CSS overrides, relative to the survey
	Pages      []string `json:"pages,omitempty"`      // Markdown narrative pages, relative to the survey
	// PublicComments shows open answers on the public site too (redacted);
	// by default they go only to the deliverable of their participant.
	PublicComments bool `json:"public_comments,omitempty"`
	// Aliases are other names of participants (by the participant
	// field's value) that redaction removes from open answers with the
	// names themselves.
	Aliases map[string][]string `json:"aliases,omitempty"`
	// Records links each participant's averages in its deliverable to
	// the records behind them (each visit: date, item scores, comments);
	// off by default, for respondents must stay anonymous to the company.
	Records bool  `json:"records,omitempty"`
	Range   Range `json:"range"`
}

// Variable kinds: the type of one column in the data.
const (
	VarCode   = "code"   // one option code (single, dropdown, matrix row): Arrow dictionary<int32,utf8>
	VarCodes  = "codes"  // option codes (multi): Arrow list<utf8>
	VarInt    = "int"    // scale answers, integer numbers: Arrow int64
	VarFloat  = "float"  // non-integer numbers: Arrow float64
	VarString = "string" // text, email, "Other" text: Arrow utf8
	VarDate   = "date"   // Arrow date32
	VarBool   = "bool"   // boolean answers; "<q>_na": the scale's missing choice was picked
)

// Variable is one analysable column holding answers. The compiler derives
// them so the codebook, the JSON schema, ingest and scoring agree on names:
//
//	single/dropdown q  -> q (code)      ; other text -> q_other (string)
//	multi q            -> q (codes)     ; other text -> q_other
//	matrix q, row r    -> q_r (code)
//	matrix_multi q, row r, option o -> q_r_o (bool)
//	grid q, row r, column c -> q_r_c (int or float; code for dropdown cells)
//	scale types        -> q (int)       ; scale Missing label -> q_na (bool)
//	number             -> q (int or float)
//	text/email         -> q (string); date -> q (date)
type Variable struct {
	Name     string `json:"name"`
	Question string `json:"question"`
	Row      string `json:"row,omitempty"`  // matrix row code
	Item     string `json:"item,omitempty"` // an inputs question's item code (a key of its own, not nested like a row)
	Kind     string `json:"kind"`
	Role     string `json:"role"` // "answer", "other", "na"
	// Cell is a matrix_multi or grid question's cell (a key of its own,
	// like an item's, not nested like a matrix row's).
	Cell *CellRef `json:"cell,omitempty"`
}

// Ending returns the ending with that ID, or nil.
func (s *Survey) Ending(id string) *Ending {
	for i := range s.Endings {
		if s.Endings[i].ID == id {
			return &s.Endings[i]
		}
	}
	return nil
}

// MessageKeys are the checks a question's messages block can word: the
// names of the form's built-in texts (UIKeys) they replace. "required" is
// also a matrix's "answer every row"; "total" is a constant_sum's boxes
// not adding up to its total, "rank_gap" a ranking's ranks given twice or
// with a gap.
var MessageKeys = []string{"required", "pattern", "min", "max", "min_select", "max_select", "min_length", "max_length", "total", "rank_gap"}

// Rule is a check across questions (XLSForm constraint, SurveyJS
// expression validator): when its question is answered (a question's
// rule) or its page was shown (a page's), Must (over that answer or the
// page's, earlier answers and hidden fields) must hold, or the answers
// are refused with Message, by the form (blocking Next), the collector
// and ingest alike.
type Rule struct {
	Must    *Expr `json:"must"`
	Message Text  `json:"message"`
	Range   Range `json:"range"`
}
