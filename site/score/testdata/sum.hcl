survey "sum" {
  title = "Sum"
  wave  = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = "P"

  question "q_a" {
    type    = "likert"
    text    = "A"
    min     = 1
    max     = 5
    missing = "Don't know"
  }
  question "q_b" {
    type = "rating"
    text = "B"
  }
  question "q_m" {
    type = "matrix"
    text = "M"
    option "yes" {
      label = "Yes"
      score = 2
    }
    option "partly" {
      label = "Partly"
      score = 1
    }
    option "no" {
      label = "No"
      score = 0
    }
    option "na" {
      label   = "N/A"
      missing = true
    }
    row "r1" {
      label = "R1"
    }
  }
}

index "weighted" {
  kind    = "sum"
  items   = [q_a, q_b, q_m.r1]
  weights = [2, 1, 1]
}

index "plain" {
  kind  = "sum"
  items = [q_a, q_b]
}
