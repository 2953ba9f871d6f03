package importer

import "github.com/opros/opros/compiler/localize"

// Messages is the catalogue, for the test that both languages agree.
func Messages() localize.Messages[msgID] { return messages }

// MessageCount is the number of message ids.
const MessageCount = msgCount
