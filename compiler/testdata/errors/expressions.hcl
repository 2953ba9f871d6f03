survey "expressions" {
  title = "Expressions"
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "company" {}

page "p" {
  title = "P"

  question "q_age" {
    type = "number"
    text = "Age"
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
    }
    row "r1" {
      label = "R1"
    }
  }
  question "e_template" {
    type    = "text"
    text    = "Template"
    show_if = q_text == "age ${q_age}" # ERROR @25: Unsupported Expression
  }
  question "e_wrap" {
    type    = "text"
    text    = "Template of one interpolation"
    show_if = q_text == "${q_age}" # ERROR @25: Unsupported Expression
  }
  question "e_list" {
    type    = "text"
    text    = "List of numbers"
    show_if = contains(["a", 1], q_text) # ERROR @30: Unsupported Expression
  }
  question "e_for" {
    type    = "text"
    text    = "For expression"
    show_if = length([for c in q_multi : c]) > 0 # ERROR @22: Unsupported Expression
  }
  question "e_hidden" {
    type    = "text"
    text    = "Hidden path"
    show_if = hidden.company.name == "x" # ERROR @15: Invalid Reference
  }
  question "e_by_id" {
    type    = "text"
    text    = "Not a matrix"
    show_if = q_age.years > 1 # ERROR @15: Invalid Reference
  }
  question "e_matrix" {
    type    = "text"
    text    = "Matrix without a row"
    show_if = q_matrix == "y" # ERROR @15: Matrix Needs A Row
  }
  question "e_row" {
    type    = "text"
    text    = "Unknown row"
    show_if = q_matrix.r2 == "y" # ERROR @15: Unknown Row
  }
  question "e_order" {
    type    = "text"
    text    = "Ordering"
    show_if = q_age < "ten" # ERROR @15: Wrong Type
  }
  question "e_not" {
    type    = "text"
    text    = "Not a number"
    show_if = !q_age # ERROR @16: Wrong Type
  }
  question "e_expand" {
    type    = "text"
    text    = "Expansion"
    show_if = max(q_multi...) > 1 # ERROR @15: Unsupported Expression
  }
  question "e_args" {
    type    = "text"
    text    = "Arguments"
    show_if = answered(q_age, q_text) # ERROR @15: Wrong Number Of Arguments
  }
  question "e_no_args" {
    type    = "text"
    text    = "No arguments"
    show_if = sum() > 1 # ERROR @15: Wrong Number Of Arguments
  }
}
