package answer

// The two decoders, for the test that holds them to each other.
var (
	DecodeFast    = (*Decoder)(nil).fast
	DecodeGeneral = decodeGeneral
)
