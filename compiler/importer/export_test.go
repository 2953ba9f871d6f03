package importer

import "github.com/opros/opros/compiler/localize"

// Messages is the catalogue, for the test that both languages agree.
func Messages() localize.Catalogue { return messages }
