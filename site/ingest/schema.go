// Package ingest turns collected answers — the collector's log, NDJSON or
// CSV exported from any other endpoint — into one typed Parquet file per
// survey, with the layout of docs/architecture.md: one row per accepted
// response, one column per codebook variable, the survey's IR in the file's
// metadata. Records that do not fit the survey are kept with their reasons
// in a rejects file next to the output; nothing is dropped silently.
//
// Most records are valid submissions, which a fast path (fastrow.go) reads
// straight into their spilled rows; the rest are decoded and validated by
// site/answer, which also words every rejection. Memory stays flat whatever
// the input size: accepted rows are spilled to a temporary file in a compact
// binary form (option codes as indices) while their sort keys go to an
// index that holds at most a million of them in memory and sorts larger
// inputs in runs on disk (index.go); the rows are then written in order, a
// row group at a time (rowgroup.go, pqwrite.go).
package ingest

import (
	"github.com/apache/arrow/go/v15/arrow"

	"github.com/opros/opros/compiler/ir"
)

// Metadata keys stored in every Parquet file.
const (
	MetaSurveyID = "opros.survey_id"
	MetaVersion  = "opros.version"
	MetaIR       = "opros.ir"
)

// InvitationColumn holds the invitation id of each answer, after the
// hidden fields, in the file of a survey with invitations.
const InvitationColumn = "invitation"

// EndingColumn holds the ending each respondent reached (answer.Ending),
// after the invitation, in the file of a survey with endings: null when
// none held (the survey's thank-you text was shown).
const EndingColumn = "ending"

// MetaColumns are the columns every file starts with, in order.
var MetaColumns = []string{"response_id", "survey_id", "version", "lang", "wave", "started_at", "submitted_at"}

// A code column is dictionary<int32, utf8> in the file's Arrow schema, so
// pandas reads it as a categorical and R as a factor; in Parquet it is a
// dictionary-encoded string column, which is what DuckDB and readers without
// the Arrow schema see. Ingest hands it to the writer as a dictionary array
// over the question's options (rowgroup.go), so the dictionary pages, and the
// categories readers build from them, list the options in the survey's
// order. A list of codes stays a list of strings: Arrow Go v15 cannot read a
// list of dictionary values back.
var (
	codeType  = &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
	timestamp = &arrow.TimestampType{Unit: arrow.Millisecond, TimeZone: "UTC"}
)

// arrowType returns the column type of a variable kind.
func arrowType(kind string) arrow.DataType {
	switch kind {
	case ir.VarCode:
		return codeType
	case ir.VarCodes:
		return arrow.ListOf(arrow.BinaryTypes.String)
	case ir.VarInt:
		return arrow.PrimitiveTypes.Int64
	case ir.VarFloat:
		return arrow.PrimitiveTypes.Float64
	case ir.VarDate:
		return arrow.FixedWidthTypes.Date32
	case ir.VarBool:
		return arrow.FixedWidthTypes.Boolean
	}
	return arrow.BinaryTypes.String
}

// Schema is the Arrow schema of a survey's data file, with the survey id,
// its fingerprint and the IR itself as metadata so the file explains itself.
func Schema(s *ir.Survey) (*arrow.Schema, error) {
	fields := []arrow.Field{
		{Name: "response_id", Type: arrow.BinaryTypes.String},
		{Name: "survey_id", Type: arrow.BinaryTypes.String},
		{Name: "version", Type: arrow.BinaryTypes.String},
		{Name: "lang", Type: arrow.BinaryTypes.String},
		{Name: "wave", Type: arrow.PrimitiveTypes.Int32},
		{Name: "started_at", Type: timestamp, Nullable: true},
		{Name: "submitted_at", Type: timestamp, Nullable: true},
	}
	for _, h := range s.Hidden {
		fields = append(fields, arrow.Field{Name: h.ID, Type: arrow.BinaryTypes.String, Nullable: true})
	}
	if s.Invitations != nil {
		// The verified invitation id (never its signature), for response
		// rates; null for an answer without one to an optional survey.
		fields = append(fields, arrow.Field{Name: InvitationColumn, Type: arrow.BinaryTypes.String, Nullable: true})
	}
	if len(s.Endings) > 0 {
		fields = append(fields, arrow.Field{Name: EndingColumn, Type: arrow.BinaryTypes.String, Nullable: true})
	}
	for _, v := range s.Vars {
		fields = append(fields, arrow.Field{Name: v.Name, Type: arrowType(v.Kind), Nullable: true})
	}
	irJSON, err := ir.MarshalSurvey(s)
	if err != nil {
		return nil, err
	}
	md := arrow.NewMetadata([]string{MetaSurveyID, MetaVersion, MetaIR}, []string{s.ID, s.Hash, string(irJSON)})
	return arrow.NewSchema(fields, &md), nil
}
