survey "refs" {
  title = "References"
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "company" {
  role = "participant"
}

hidden "wave" { # ERROR @8: Reserved Name
}

page "one" {
  title = "One"

  question "q_age" {
    type = "number"
    text = "Age"
  }
  question "q_colour" {
    type = "single"
    text = "Colour"
    option "red" {
      label = "Red"
    }
    option "blue" {
      label = "Blue"
    }
  }
  question "q_later_ref" {
    type    = "text"
    text    = "Uses a later question"
    show_if = q_late == "x" # ERROR @15: Reference To A Later Question
  }
  question "q_self" {
    type    = "text"
    text    = "Refers to itself"
    show_if = answered(q_self) # ERROR @24: Reference To A Later Question
  }
  question "q_unknown" {
    type    = "text"
    text    = "Unknown reference"
    show_if = q_agee > 18 # ERROR @15: Unknown Question
  }
  question "q_code" {
    type    = "text"
    text    = "Unknown code"
    show_if = q_colour == "green" # ERROR @27: Unknown Option Code
  }
  question "q_types" {
    type    = "text"
    text    = "Wrong types"
    show_if = q_age == "old" # ERROR @15: Wrong Type
  }
  question "q_notbool" {
    type    = "text"
    text    = "Not a condition"
    show_if = q_age + 1 # ERROR @15: Condition Is Not True Or False
  }
  question "q_fn" {
    type    = "text"
    text    = "Unknown function"
    show_if = lenght(q_colour) > 1 # ERROR @15: Unknown Function
  }
  question "q_hidden" {
    type    = "text"
    text    = "Unknown hidden field"
    show_if = hidden.compnay == "acme" # ERROR @15: Unknown Hidden Field
  }
}

page "two" {
  title   = "Two"
  show_if = q_late == "x" # ERROR @13: Reference To A Later Question

  question "q_late" {
    type = "text"
    text = "Late"
  }
  question "q_age" { # ERROR @12: Duplicate ID
    type = "text"
    text = "Duplicate"
  }
}
