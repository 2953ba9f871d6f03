survey "indexes" {
  title = "More scoring"
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "company" {}

page "p" {
  title = "P"

  question "q_nps" {
    type = "nps"
    text = "NPS"
  }
  question "q_rating" {
    type = "rating"
    text = "Rating"
  }
  question "q_text" {
    type = "text"
    text = "Text"
  }
  question "q_multi" {
    type = "multi"
    text = "Multi"
    option "a" {
      label = "A"
    }
  }
  question "q_matrix" {
    type = "matrix"
    text = "Matrix"
    option "y" {
      label = "Y"
      score = 1
    }
    option "n" {
      label = "N"
      score = 0
    }
    row "r1" {
      label = "R1"
    }
  }
}

block "no_items" { # ERROR @1: Missing Required Attribute
  title = "No items"
}

block "b" {
  title   = "B"
  items   = [q_rating, q_matrix] # ERROR @24: Matrix Needs A Row
  weights = [-1] # ERROR @13: Negative Weight
}

block "b" { # ERROR @7: Duplicate ID
  title = "B again"
}

block "rows" {
  title = "Rows"
  items = [q_matrix.r9] # ERROR @12: Unknown Row
}

block "empty" {
  title = "Empty"
  items = [] # ERROR @11: Empty Item List
}

block "not_a_list" {
  title = "Not a list"
  items = "q_rating" # ERROR @11: Invalid Reference List
}

index "no_kind" { # ERROR @1: Missing Index Kind
  items = [q_nps]
}

index "extra" {
  kind = "nps"
  items = [q_nps]
  top  = 2 # ERROR @3: Attribute Not Allowed Here
}

index "no_question" { # ERROR @1: Missing Required Attribute
  kind = "nps"
}

index "two_questions" {
  kind  = "nps"
  items = [q_nps, q_rating] # ERROR @11: Wrong Number Of Items
}

index "box" { # ERROR @1: Invalid Box
  kind  = "top_box"
  items = [q_rating]
  top   = 5
}

index "mean100" { # ERROR @1: Missing Required Attribute
  kind = "mean_100"
}

index "count" { # ERROR @1: Missing Required Attribute
  kind  = "count"
  items = [q_multi]
}

index "no_expr" { # ERROR @1: Missing Required Attribute
  kind = "expr"
}

index "text_expr" { # ERROR @1: Missing Required Attribute
  kind = "expr"
  expr = q_text # ERROR @10: Wrong Type
}

index "no_blocks" { # ERROR @1: Missing Required Attribute
  kind = "blocks"
}

index "blocks" {
  kind  = "blocks"
  items = [q_rating] # ERROR @12: Invalid Reference
}

index "by_id" {
  kind  = "mean"
  items = [q_rating.x] # ERROR @12: Invalid Reference
}

index "sum_text" {
  kind  = "sum"
  items = [q_rating, q_text] # ERROR @22: Item Cannot Be Scored
}

maturity { # ERROR @1: Empty Maturity
}

benchmark {
  min_group_size   = 0 # ERROR @22: Invalid Value
  min_participants = 0 # ERROR @22: Invalid Value
  weight           = q_text # ERROR @22: Incompatible Question Type
  outcome          = index.nope # ERROR @22: Unknown Index
  drivers          = [q_text] # ERROR @22: Drivers Without Outcome; ERROR @23: Item Cannot Be Scored
  margin {
    field   = hidden.company
    targets = [1, 2] # ERROR @15: Invalid Targets
  }
  margin {
    field   = q_nps # ERROR @15: Incompatible Question Type
    targets = { a = 1, b = 2 }
  }
}

report {
  languages = ["de"] # ERROR @15: Unsupported Language
  indexes   = [index.nope] # ERROR @16: Unknown Index
}
