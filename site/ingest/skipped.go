package ingest

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"

	"github.com/opros/opros/site/answer"
)

// Skipped is a file or folder under a folder input that Files left out,
// and why (Kind), so that the run can say so: nothing is passed over
// unsaid but hidden files.
type Skipped struct {
	Path   string
	Kind   string // one of the Skip* kinds
	Survey string // SkipSurvey: the folder's name, the survey id the collector gave it
	Lines  int    // SkipTorn: the lines the collector set aside in it
}

// Kinds of Skipped.
const (
	// SkipSurvey is another survey's collector folder.
	SkipSurvey = "survey"
	// SkipTorn is a collector's torn-*.ndjson: lines it set aside from a
	// damaged log on start, which may include answers it acknowledged,
	// so a run that meets one says how many lines it holds.
	SkipTorn = "torn"
	// SkipCollectorRejects is a collector's rejects.ndjson: posts it
	// refused, with the reasons.
	SkipCollectorRejects = "rejects"
	// SkipSpam is a collector's spam.ndjson: bot-trap hits.
	SkipSpam = "spam"
	// SkipStarted is a collector's started.ndjson: the invitations whose
	// form page it served, for the response rates (opros rates, report
	// --started), not answers.
	SkipStarted = "started"
	// SkipIngestOutput is an earlier ingest's *.rejects.ndjson or
	// *.setaside.ndjson.
	SkipIngestOutput = "ingest_output"
	// SkipOther is a file that is not .ndjson, .jsonl or .csv.
	SkipOther = "other"
)

// notAnswers is the kind of a file a folder input leaves out by its name,
// or "" for an answer file or a hidden file (a temporary or lock file).
func notAnswers(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(lower, answer.TornPrefix):
		return SkipTorn
	case lower == answer.RejectsFile:
		return SkipCollectorRejects
	case lower == answer.SpamFile:
		return SkipSpam
	case lower == answer.StartedFile:
		return SkipStarted
	case strings.HasSuffix(lower, ".rejects.ndjson"), strings.HasSuffix(lower, ".setaside.ndjson"):
		return SkipIngestOutput
	case isAnswerFile(name), strings.HasPrefix(name, "."):
		return ""
	}
	return SkipOther
}

func isAnswerFile(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".ndjson") || strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".csv")
}

// countLines counts the lines of a file that hold more than white space,
// as readNDJSON counts records; a last line without its newline counts.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	n, blank := 0, true
	for {
		chunk, err := br.ReadSlice('\n')
		if len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' || err == io.EOF {
			if !blank {
				n++
			}
			blank = true
		}
		switch {
		case err == io.EOF:
			return n, nil
		case err != nil && err != bufio.ErrBufferFull:
			return n, err
		}
	}
}
