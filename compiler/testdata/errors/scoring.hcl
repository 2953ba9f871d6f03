survey "scoring" {
  title = "Scoring"
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "company" {}

page "p" {
  title = "P"

  question "q_text" {
    type = "text"
    text = "Text"
  }
  question "q_rating" {
    type = "rating"
    text = "Rating"
  }
  question "q_single" {
    type = "single"
    text = "Single"
    option "a" {
      label = "A"
    }
    option "b" {
      label = "B"
    }
  }
  question "q_multi" {
    type = "multi"
    text = "Multi"
    option "a" {
      label = "A"
    }
  }
}

index "nps" {
  kind  = "nps"
  items = [q_rating] # ERROR: Incompatible Question Type
}

index "top" {
  kind  = "top_box"
  items = [q_text] # ERROR: Incompatible Question Type
}

index "share" {
  kind    = "share"
  items   = [q_multi]
  options = ["b"] # ERROR: Unknown Option Code
}

index "weights" {
  kind    = "mean_100"
  items   = [q_rating]
  weights = [1, 2] # ERROR: Wrong Number Of Weights
}

index "kind" {
  kind = "avg" # ERROR: Unknown Index Kind
}

block "b" {
  title = "B"
  items = [q_text] # ERROR: Item Cannot Be Scored
}

index "blocks" {
  kind  = "blocks"
  items = [block.c] # ERROR: Unknown Block
}

maturity {
  level "one" {
    title = "One"
    min   = 50
  }
  level "two" {
    title = "Two"
    min   = 40 # ERROR: Invalid Maturity Threshold
  }
}

benchmark {
  participant = hidden.compny # ERROR: Unknown Hidden Field
  segments    = [q_text] # ERROR: Incompatible Question Type
  margin {
    field   = q_multi # ERROR: Incompatible Question Type
    targets = { a = 1, b = 1 }
  }
  margin {
    field   = q_single
    targets = { a = 0.5, z = 0.5 } # ERROR: Unknown Option Code
  }
  margin {
    field   = hidden.company
    targets = { acme = 1, other = 3 }
  }
  margin { # ERROR: Duplicate Margin
    field   = hidden.company
    targets = { acme = 1, other = 3 }
  }
  margin {
    field   = hidden.segmnt # ERROR: Unknown Hidden Field
    targets = { bank = 1, other = 3 }
  }
  margin {
    field   = q_single
    targets = { a = 0, b = "many" } # ERROR: Invalid Targets
  }
  margin {
    field   = q_single
    targets = { a = 1 } # ERROR: Invalid Targets
  }
  margin { # ERROR: Missing required argument
    field = q_single
  }
}
