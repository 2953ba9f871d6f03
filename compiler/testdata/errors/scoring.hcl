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
  items = [q_rating] # ERROR @12: Incompatible Question Type
}

index "top" {
  kind  = "top_box"
  items = [q_text] # ERROR @12: Incompatible Question Type
}

index "share" {
  kind    = "share"
  items   = [q_multi]
  options = ["b"] # ERROR @13: Unknown Option Code
}

index "weights" {
  kind    = "mean_100"
  items   = [q_rating]
  weights = [1, 2] # ERROR @13: Wrong Number Of Weights
}

index "kind" {
  kind = "avg" # ERROR @10: Unknown Index Kind
}

block "b" {
  title = "B"
  items = [q_text] # ERROR @12: Item Cannot Be Scored
}

index "blocks" {
  kind  = "blocks"
  items = [block.c] # ERROR @12: Unknown Block
}

maturity {
  level "one" {
    title = "One"
    min   = 50
  }
  level "two" {
    title = "Two"
    min   = 40 # ERROR @13: Invalid Maturity Threshold
  }
  level "three" { # ERROR @3: Missing Required Attribute
    title = "Three"
  }
}

benchmark {
  participant = hidden.compny # ERROR @17: Unknown Hidden Field
  segments    = [q_text] # ERROR @18: Incompatible Question Type
  margin {
    field   = q_multi # ERROR @15: Incompatible Question Type
    targets = { a = 1, b = 1 }
  }
  margin {
    field   = q_single
    targets = { a = 0.5, z = 0.5 } # ERROR @26: Unknown Option Code
  }
  margin {
    field   = hidden.company
    targets = { acme = 1, other = 3 }
  }
  margin { # ERROR @3: Duplicate Margin
    field   = hidden.company
    targets = { acme = 1, other = 3 }
  }
  margin {
    field   = hidden.segmnt # ERROR @15: Unknown Hidden Field
    targets = { bank = 1, other = 3 }
  }
  margin {
    field   = q_single
    targets = { a = 0, b = "many" } # ERROR @21: Invalid Targets; ERROR @28: Invalid Targets
  }
  margin {
    field   = q_single
    targets = { a = 1 } # ERROR @15: Invalid Targets
  }
  margin {
    field   = q_single
    targets = { (1) = 0.5, b = 0.5 } # ERROR @17: Invalid Targets
  }
  margin {
    field   = q_single
    targets = { a = 0.5, "a" = 0.5 } # ERROR @26: Duplicate Target
  }
  margin { # ERROR @10: Missing required argument
    field = q_single
  }
}
