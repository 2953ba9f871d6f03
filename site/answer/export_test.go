package answer

// The decoders, for the tests that hold them to each other.
var (
	DecodeFast       = (*Decoder)(nil).fast
	DecodeGeneral    = decodeGeneral
	DecodeLogGeneral = decodeLogGeneral
)

// DecodeRecordShape is DecodeRecord saying which shape it read.
func DecodeRecordShape(data []byte) (sub *Submission, logLine, ok bool) {
	return (*Decoder)(nil).decode(data, true)
}
