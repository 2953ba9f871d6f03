# Calculations: one reading a question written after it, a question's
# show_if before the calculation it reads, one named like a question, a
# calculation reading a later one; values a column cannot hold (a list,
# number or text, nothing but null); one named like another question's
# column or like the ending column; and index items of a type the index
# cannot read (an expr formula reads any of them).
survey "calculate" {
  title     = "Calculate"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

page "p" {
  question "q_a" {
    type    = "number"
    text    = "A {late|?}" # ERROR @15: Pipe Of A Later Question
    show_if = late > 1 # ERROR @15: Reference To A Later Question
  }

  calculate "early" {
    value = q_b * 2 # ERROR @13: Reference To A Later Question
  }

  calculate "chain" {
    value = late + 1 # ERROR @13: Reference To A Later Question
  }

  question "q_b" {
    type = "number"
    text = "B"
  }

  calculate "late" {
    value = q_a + q_b
  }

  calculate "q_b" { # ERROR @13: Duplicate ID
    value = 1
  }

  question "q_c" {
    type    = "multi"
    text    = "C"
    option "a" {
      label = "A"
    }
    option "other" {
      label = "Other"
      other = true
    }
  }

  calculate "chosen" {
    value = q_c # ERROR @13: Calculation Cannot Be Stored
  }

  calculate "mixed" {
    value = q_a > 1 ? q_a : "none" # ERROR @13: Calculation Cannot Be Stored
  }

  calculate "nothing" {
    value = null # ERROR @13: Calculation Cannot Be Stored
  }

  calculate "q_c_other" { # ERROR @13: Column Name Collision
    value = q_a > 1 ? q_a : null
  }

  calculate "big" {
    value = q_a > 1
  }

  calculate "ending" { # ERROR @13: Reserved ID
    value = 1
  }
}

ending "done" {
  text = "Thank you."
}

index "i" {
  title = "I"
  kind  = "expr"
  expr  = late * 2 + (big ? 1 : 0)
  min   = 0
  max   = 10
}

index "m100" {
  title = "M"
  kind  = "mean_100"
  items = [big, late] # ERROR @17: Calculation Not Scored
}

index "mean_big" {
  title = "M"
  kind  = "mean"
  items = [big] # ERROR @12: Calculation Not Scored
}

index "share_big" {
  title   = "S"
  kind    = "share"
  items   = [big]
  options = ["true"] # ERROR @3: Attribute Not Allowed Here
}
