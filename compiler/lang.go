package compiler

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler/localize"
)

// Diagnostics in the researcher's language. A diagnostic the compiler
// reports itself is built from the catalogue (messages.go) and keeps its
// message and arguments in Diagnostic.Extra; its Summary and Detail are
// the English text, which every reader of hcl.Diagnostic sees, and
// WriteDiagnostics prints it in another language on request. HCL's own
// diagnostics (syntax, unknown attributes) are translated through the
// tables below; what they do not know stays English. Nothing here runs
// unless a survey has problems.

// msgRef is what a catalogued diagnostic carries in Extra.
type msgRef struct {
	msg  localize.Message
	id   any // the catalogue's id, for tests
	args []any
}

// Diagnostic is the error diagnostic of a catalogued message (one with a
// summary) over args at rng (rng may be nil): the compiler's own
// (messages.go) or one of a package that reports problems in HCL files of
// its own (site/simulate's settings). Its Summary and Detail are the
// English text; it keeps the message and arguments, so WriteDiagnostics
// can print it in any language. id is the message's id in its catalogue.
func Diagnostic[K ~int](c localize.Messages[K], id K, rng *hcl.Range, args ...any) *hcl.Diagnostic {
	m := c[id]
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: m.SummaryEn, Detail: m.Format("en", args...),
		Extra: &msgRef{msg: m, id: id, args: args}}
	if rng != nil {
		r := *rng
		d.Subject = &r
	}
	return d
}

// newDiag builds a diagnostic of the compiler's own catalogue; rng may be nil.
func newDiag(rng *hcl.Range, id diagID, args ...any) *hcl.Diagnostic {
	return Diagnostic(messages, id, rng, args...)
}

func errorAt(rng hcl.Range, id diagID, args ...any) *hcl.Diagnostic {
	return newDiag(&rng, id, args...)
}

// Localize returns a diagnostic's summary and detail in lang ("en" or
// "ru").
func Localize(d *hcl.Diagnostic, lang string) (summary, detail string) {
	switch x := d.Extra.(type) {
	case *msgRef:
		return x.msg.Summary(lang), x.msg.Format(lang, x.args...)
	}
	if lang != "ru" {
		return d.Summary, d.Detail
	}
	return hclSummaryRU(d.Summary), hclDetailRU(d.Detail)
}

// fileErrorID names an error of finding a survey's files.
type fileErrorID int

const (
	errNoHCLFiles fileErrorID = iota
	fileErrorCount
)

// fileErrors are the errors of finding a survey's files, which cmd/opros
// prints as they are and Load turns into a diagnostic.
var fileErrors = localize.Messages[fileErrorID]{
	errNoHCLFiles: {En: "%s: no .hcl files in this folder", Ru: "%s: в этой папке нет файлов .hcl"},
}

// suggestion is the closest known name to a misspelt one (didYouMean),
// or "" when none is close.
type suggestion string

func (s suggestion) In(lang string) string {
	switch {
	case s == "":
		return ""
	case lang == "ru":
		return ` Может быть, имелось в виду "` + string(s) + `"?`
	}
	return ` Did you mean "` + string(s) + `"?`
}

// noun names what an ID belongs to: "question", "option set".
type noun int

const (
	nounQuestion noun = iota
	nounPage
	nounHiddenField
	nounOptionSet
	nounScale
	nounRow
	nounOption
	nounBlock
	nounIndex
	nounMaturityLevel
	nounEnding
	nounItem
	nounColumn
	nounCalculation
	nounLoop
	nounCount
)

// nouns are the nouns in English and in Russian.
var nouns = localize.Messages[noun]{
	nounQuestion:      {En: "question", Ru: "вопрос"},
	nounPage:          {En: "page", Ru: "страница"},
	nounHiddenField:   {En: "hidden field", Ru: "скрытое поле"},
	nounOptionSet:     {En: "option set", Ru: "набор вариантов"},
	nounScale:         {En: "scale", Ru: "шкала"},
	nounRow:           {En: "row", Ru: "строка"},
	nounOption:        {En: "option", Ru: "вариант"},
	nounBlock:         {En: "block", Ru: "блок"},
	nounIndex:         {En: "index", Ru: "индекс"},
	nounMaturityLevel: {En: "maturity level", Ru: "уровень зрелости"},
	nounEnding:        {En: "ending", Ru: "завершение"},
	nounItem:          {En: "item", Ru: "пункт"},
	nounColumn:        {En: "column", Ru: "столбец"},
	nounCalculation:   {En: "calculation", Ru: "вычисляемое значение"},
	nounLoop:          {En: "loop", Ru: "цикл"},
}

func (n noun) In(lang string) string { return nouns.In(n, lang) }

// typeNames are the types of expression values, joined by "or".
type typeNames []string

var typesRU = map[string]string{"number": "число", "string": "строка", "bool": "true или false", "list": "список", "any": "значение"}

func (ts typeNames) In(lang string) string {
	if lang != "ru" {
		return strings.Join(ts, " or ")
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t
		if r, ok := typesRU[t]; ok {
			out[i] = r
		}
	}
	return strings.Join(out, " или ")
}

// arguments is a number of function arguments: "1 argument", "2 аргумента".
type arguments int

func (n arguments) In(lang string) string {
	if lang == "ru" {
		return fmt.Sprintf("%d %s", n, localize.Plural(int(n), "аргумент", "аргумента", "аргументов"))
	}
	if n == 1 {
		return "1 argument"
	}
	return fmt.Sprintf("%d arguments", n)
}

// column says what a data column already holds, for Reserved Name and
// Column Name Collision.
type column struct {
	kind string // "builtin", "hidden", "question" or "calculation"
	id   string
}

func (c column) In(lang string) string {
	ru := lang == "ru"
	switch {
	case c.kind == "hidden" && ru:
		return fmt.Sprintf("столбец скрытого поля %q", c.id)
	case c.kind == "hidden":
		return fmt.Sprintf("hidden field %q", c.id)
	case c.kind == "question" && ru:
		return fmt.Sprintf("столбец вопроса %q", c.id)
	case c.kind == "question":
		return fmt.Sprintf("the column of question %q", c.id)
	case c.kind == "calculation" && ru:
		return fmt.Sprintf("столбец вычисляемого значения %q", c.id)
	case c.kind == "calculation":
		return fmt.Sprintf("the column of calculation %q", c.id)
	case ru:
		return "служебный столбец, который есть в каждом файле данных"
	}
	return "a column every data file has"
}

// wordID names a fixed part of a printed diagnostic.
type wordID int

const (
	wordError    wordID = iota
	wordWarning         // the heading of a warning
	wordOn              // file, line, column
	wordIn              // the blocks around the subject
	wordNoSource        // a file that cannot be shown
	wordCount
)

// words are the fixed parts of a printed diagnostic.
var words = localize.Messages[wordID]{
	wordError:    {En: "Error", Ru: "Ошибка"},
	wordWarning:  {En: "Warning", Ru: "Предупреждение"},
	wordOn:       {En: "on %s line %d, column %d", Ru: "в %s, строка %d, столбец %d"},
	wordIn:       {En: ", in %s", Ru: ", в блоке %s"},
	wordNoSource: {En: "(source code not available)", Ru: "(исходный текст недоступен)"},
}

// hclSummariesRU translates the summaries of the diagnostics HCL's parser
// and decoder report. TestHCLSummaries checks it against the summaries
// written in HCL's source.
var hclSummariesRU = map[string]string{
	"Ambiguous attribute key":                         "Неоднозначный ключ атрибута",
	"Argument definition required":                    "Нужно определение аргумента",
	"Argument or block definition required":           "Нужно определение аргумента или блока",
	"Attempt to get attribute from null value":        "Попытка взять атрибут у значения null",
	"Attempt to index null value":                     "Попытка индексировать значение null",
	"Attribute name required":                         "Нужно имя атрибута",
	"Attribute redefined":                             "Атрибут определён повторно",
	"Call to unknown function":                        "Вызов неизвестной функции",
	"Condition is null":                               "Условие равно null",
	"Duplicate argument":                              "Повторный аргумент",
	"Duplicate object key":                            "Повторный ключ объекта",
	"Error in function call":                          "Ошибка в вызове функции",
	"Extra characters after expression":               "Лишние символы после выражения",
	"Extra characters after interpolation expression": "Лишние символы после интерполяции",
	"Function calls not allowed":                      "Вызовы функций здесь недопустимы",
	"Inconsistent conditional result types":           "Несовместимые типы результатов условного выражения",
	"Incorrect condition type":                        "Неверный тип условия",
	"Incorrect key type":                              "Неверный тип ключа",
	"Index value required":                            "Нужно значение индекса",
	"Invalid 'for' condition":                         "Недопустимое условие 'for'",
	"Invalid 'for' directive":                         "Недопустимая директива 'for'",
	"Invalid 'for' expression":                        "Недопустимое выражение 'for'",
	"Invalid argument name":                           "Недопустимое имя аргумента",
	"Invalid attribute name":                          "Недопустимое имя атрибута",
	"Invalid block definition":                        "Недопустимое определение блока",
	"Invalid character":                               "Недопустимый символ",
	"Invalid character encoding":                      "Недопустимая кодировка символов",
	"Invalid Character Encoding":                      "Недопустимая кодировка символов", // compiler/format's
	"Invalid escape sequence":                         "Недопустимая escape-последовательность",
	"Invalid expanding argument value":                "Недопустимое раскрываемое значение аргумента",
	"Invalid expression":                              "Недопустимое выражение",
	"Invalid function argument":                       "Недопустимый аргумент функции",
	"Invalid legacy index syntax":                     "Недопустимая устаревшая запись индекса",
	"Invalid multi-line string":                       "Недопустимая многострочная строка",
	"Invalid nested splat expressions":                "Недопустимые вложенные splat-выражения",
	"Invalid number literal":                          "Недопустимая запись числа",
	"Invalid object key":                              "Недопустимый ключ объекта",
	"Invalid operand":                                 "Недопустимый операнд",
	"Invalid path step":                               "Недопустимый шаг пути",
	"Invalid single-argument block definition":        "Недопустимое однострочное определение блока",
	"Invalid string literal":                          "Недопустимая строка",
	"Invalid template control keyword":                "Недопустимое ключевое слово шаблона",
	"Invalid template directive":                      "Недопустимая директива шаблона",
	"Invalid template interpolation value":            "Недопустимое значение интерполяции",
	"Iteration over non-iterable value":               "Перебор значения, которое нельзя перебрать",
	"Iteration over null value":                       "Перебор значения null",
	"Missing argument separator":                      "Нет разделителя аргументов",
	"Missing attribute separator":                     "Нет разделителя атрибутов",
	"Missing attribute value":                         "Нет значения атрибута",
	"Missing close bracket on index":                  "Нет закрывающей скобки индекса",
	"Missing close bracket on splat index":            "Нет закрывающей скобки splat-индекса",
	"Missing closing parenthesis":                     "Нет закрывающей круглой скобки",
	"Missing expression":                              "Нет выражения",
	"Missing false expression in conditional":         "Нет ветки false в условном выражении",
	"Missing function name":                           "Нет имени функции",
	"Missing item separator":                          "Нет разделителя элементов",
	"Missing key/value separator":                     "Нет разделителя ключа и значения",
	"Missing map element":                             "Нет элемента словаря",
	"Missing newline after argument":                  "Нет перевода строки после аргумента",
	"Missing newline after block definition":          "Нет перевода строки после определения блока",
	"Missing open parenthesis":                        "Нет открывающей круглой скобки",
	"Missing required argument":                       "Нет обязательного аргумента",
	"Nested splat expression not allowed":             "Вложенное splat-выражение недопустимо",
	"Not enough function arguments":                   "Недостаточно аргументов функции",
	"Null condition":                                  "Условие null",
	"Null value as key":                               "Значение null в качестве ключа",
	"Operation failed":                                "Операция не удалась",
	"Splat of null value":                             "Splat значения null",
	"Too many function arguments":                     "Слишком много аргументов функции",
	"Unbalanced parentheses":                          "Непарные скобки",
	"Unclosed configuration block":                    "Незакрытый блок",
	"Unclosed configuration body":                     "Незакрытое тело блока",
	"Unclosed index brackets":                         "Незакрытые скобки индекса",
	"Unclosed template interpolation sequence":        "Незакрытая интерполяция в шаблоне",
	"Unexpected else directive":                       "Неожиданная директива else",
	"Unexpected end of template":                      "Неожиданный конец шаблона",
	"Unknown variable":                                "Неизвестная переменная",
	"Unsuitable value type":                           "Неподходящий тип значения",
	"Unsupported argument":                            "Неподдерживаемый аргумент",
	"Unsupported block type":                          "Неподдерживаемый тип блока",
	"Unsupported operator":                            "Неподдерживаемый оператор",
	"Unterminated function call":                      "Незавершённый вызов функции",
	"Unterminated object constructor expression":      "Незавершённый объект",
	"Unterminated string literal":                     "Незавершённая строка",
	"Unterminated template string":                    "Незавершённый шаблон строки",
	"Unterminated tuple constructor expression":       "Незавершённый список",
	"Variable name required":                          "Нужно имя переменной",
	"Variables not allowed":                           "Переменные здесь недопустимы",
}

// hclPatternsRU translates HCL summaries and details that have names in
// them; $1… are the parts matched. They are compiled on first use, so
// that a run without problems does not pay for them.
var hclPatternsRU = sync.OnceValue(func() []hclPattern {
	return []hclPattern{
		{regexp.MustCompile(`^Extraneous label for (\S+)$`), "Лишняя метка у $1"},
		{regexp.MustCompile(`^Missing (\S+) for (\S+)$`), "Нет метки $1 у $2"},
		{regexp.MustCompile(`^Missing (\S+) block$`), "Нет блока $1"},
		{regexp.MustCompile(`^Duplicate (\S+) block$`), "Повторный блок $1"},
		{regexp.MustCompile(`^Unexpected "(\S+)" block$`), "Неожиданный блок \"$1\""},
		{regexp.MustCompile(`^Unexpected (\S+) directive$`), "Неожиданная директива $1"},
		{regexp.MustCompile(`^Extra characters in (\S+) marker$`), "Лишние символы в маркере $1"},
		{regexp.MustCompile(`^An argument named ("[^"]*") is not expected here\.( Did you mean ("[^"]*")\?)?$`), "Аргумент с именем $1 здесь не ожидается.$2"},
		{regexp.MustCompile(`^Blocks of type ("[^"]*") are not expected here\.( Did you mean ("[^"]*")\?)?$`), "Блоки типа $1 здесь не ожидаются.$2"},
		{regexp.MustCompile(`^Blocks are not allowed here\.$`), "Блоки здесь недопустимы."},
		{regexp.MustCompile(`^The argument ("[^"]*") is required, but no definition was found\.$`), "Нужен аргумент $1, но его определения нет."},
		{regexp.MustCompile(`^The argument ("[^"]*") was already set at (\S+)\. Each argument may be set only once\.$`), "Аргумент $1 уже задан в $2. Каждый аргумент задаётся один раз."},
		{regexp.MustCompile(`^No closing marker was found for the string\.$`), "Не найдена закрывающая кавычка строки."},
		{regexp.MustCompile(`^(.+) is not valid UTF-8; save it as UTF-8 in your editor\.$`), "$1 — не в кодировке UTF-8; сохраните его в редакторе как UTF-8."},
		{regexp.MustCompile(`^Expected the start of an expression, but found an invalid expression token\.$`), "Ожидалось начало выражения, а найден недопустимый символ."},
		{regexp.MustCompile(`^Expected the start of an expression, but found the end of the file\.$`), "Ожидалось начало выражения, а файл кончился."},
		{regexp.MustCompile(`^An argument or block definition is required here\.$`), "Здесь нужно определение аргумента или блока."},
		{regexp.MustCompile(`^An argument or block definition is required here\. To set an argument, use the equals sign "=" to introduce the argument value\.$`),
			"Здесь нужно определение аргумента или блока. Чтобы задать аргумент, поставьте знак \"=\" перед его значением."},
		{regexp.MustCompile(`^There is no closing brace for this block before the end of the file\.`),
			"У этого блока нет закрывающей скобки до конца файла. Возможно, скобки не сходятся в другом месте файла."},
		{regexp.MustCompile(`^Quoted strings may not be split over multiple lines\.`),
			"Строку в кавычках нельзя разрывать на несколько строк. Чтобы получить многострочную строку, используйте \\n для перевода строки или запись heredoc (<<EOT … EOT)."},
	}
})

type hclPattern struct {
	re *regexp.Regexp
	ru string
}

var didYouMeanRU = strings.NewReplacer(" Did you mean ", " Может быть, имелось в виду ")

func hclSummaryRU(s string) string {
	if t, ok := hclSummariesRU[s]; ok {
		return t
	}
	return translatePattern(s)
}

func hclDetailRU(s string) string {
	return translatePattern(s)
}

func translatePattern(s string) string {
	for _, p := range hclPatternsRU() {
		if m := p.re.FindStringSubmatchIndex(s); m != nil {
			// The whole text becomes the translation, so a pattern may
			// match only a detail's first sentence.
			return didYouMeanRU.Replace(string(p.re.ExpandString(nil, p.ru, s, m)))
		}
	}
	return s
}
