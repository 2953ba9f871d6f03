package compiler

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// parseFile parses one survey file with HCL's own parser, so every range
// and diagnostic is HCL's for the whole file.
func parseFile(name string, src []byte) (*hcl.File, hcl.Diagnostics) {
	return hclsyntax.ParseConfig(src, name, hcl.InitialPos)
}
