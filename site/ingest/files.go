package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/opros/opros/site/answer"
)

// Input is one file to ingest, with the wave its answers belong to
// (0: the year each answer was submitted, else the survey's wave). A
// folder stands for every answer file under it (see Files).
type Input struct {
	Path string
	Wave int
	// Version is the version the input's records that name none were
	// recorded against: "" for the current survey, or the hash of one of
	// Options.Previous, for an old wave's export without a version column.
	// A record that names its version is read by it all the same.
	Version string
}

// Files lists the answer files of inputs: a file as it is, a folder as
// every .ndjson, .jsonl and .csv file under it in name order, such as a
// collector's data folder, each with the folder's wave. What a collector
// or ingest writes beside the answers is left out: rejects.ndjson,
// spam.ndjson, torn-*.ndjson (lines the collector set aside from a
// damaged log) and the *.rejects.ndjson and *.setaside.ndjson of an
// earlier ingest, each reported in skipped (see notAnswers), as is a
// file of another type (hidden files are passed over unsaid). So is,
// under a folder, another survey's collector folder (one that holds an
// answers.ndjson and is not named surveyID): pointed at the collector's
// DATA, which holds DATA/<survey-id>/ for every survey it serves, ingest
// reads this survey's answers, and the others' are reported in skipped
// instead of flooding the rejects as answers to the wrong survey. A file
// named as an input is always read.
func Files(surveyID string, inputs []Input) (files []Input, skipped []Skipped, err error) {
	for _, in := range inputs {
		fi, err := os.Stat(in.Path)
		if err != nil {
			return nil, nil, err
		}
		if !fi.IsDir() {
			files = append(files, in)
			continue
		}
		n, m := len(files), len(skipped)
		err = filepath.WalkDir(in.Path, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path == in.Path || d.Name() == surveyID {
					return nil
				}
				if _, err := os.Stat(filepath.Join(path, answer.LogFile)); err == nil {
					skipped = append(skipped, Skipped{Path: path, Kind: SkipSurvey, Survey: d.Name()})
					return fs.SkipDir
				}
				return nil
			}
			if kind := notAnswers(d.Name()); kind != "" {
				sk := Skipped{Path: path, Kind: kind}
				if kind == SkipTorn {
					if sk.Lines, err = countLines(path); err != nil {
						return err
					}
				}
				skipped = append(skipped, sk)
				return nil
			}
			if isAnswerFile(d.Name()) {
				files = append(files, Input{Path: path, Wave: in.Wave, Version: in.Version})
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		if len(files) == n {
			if len(skipped) > m {
				var names []string
				for _, sk := range skipped[m:] {
					if sk.Kind == SkipSurvey {
						names = append(names, sk.Survey)
					}
				}
				if len(names) > 0 {
					return nil, skipped, errorText.Errorf(errNoSurveyFiles, in.Path, surveyID, strings.Join(names, ", "))
				}
			}
			return nil, skipped, errorText.Errorf(errNoAnswerFiles, in.Path)
		}
	}
	return files, skipped, nil
}

// expectedRows guesses from the inputs' sizes how many rows they hold, at
// the high end: a submission is rarely under 256 bytes.
func expectedRows(inputs []Input) int {
	size := int64(0)
	for _, in := range inputs {
		if fi, err := os.Stat(in.Path); err == nil {
			size += fi.Size()
		}
	}
	return int(size / 256)
}
