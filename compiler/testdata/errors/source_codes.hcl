# Source codes (option source): the codes of the tool a survey was
# imported from, which ingest reads as the options'. Each must name one
# option: not empty, not another option's source, not another option's
# code (a record giving it would mean either).
survey "source_codes" {
  title     = "Source codes"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

page "p" {
  question "q_size" {
    type = "single"
    text = "Size"
    option "c2_0" {
      label  = "Two"
      source = "2.0"
    }
    option "c2_5" {
      label  = "Two and a half"
      source = "2.0" # ERROR @16: Duplicate Source Code
    }
    option "c3" {
      label  = "Three"
      source = "c2_0" # ERROR @16: Ambiguous Source Code
    }
    option "c4" {
      label  = "Four"
      source = "" # ERROR @16: Empty Source Code
    }
    option "c5" {
      label  = "Five"
      source = "c5" # its own code: says nothing new, harmless
    }
  }
}
