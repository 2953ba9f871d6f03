# Calculations: one reading a question written after it, a question's
# show_if before the calculation it reads, one named like a question, a
# calculation reading a later one, and an index formula reading one (the
# data holds no calculations yet).
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
}

index "i" {
  title = "I"
  kind  = "expr"
  expr  = late * 2 # ERROR @11: Calculation Not Scored
  min   = 0
  max   = 10
}
