survey "boolean" {
  title = "Boolean"
  wave  = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = "P"

  question "q_cc" {
    type = "boolean"
    text = "Contact center?"
  }
  question "q_out" {
    type        = "boolean"
    text        = "Outsourced?"
    true_label  = "Outsourced"
    false_label = "In-house"
  }
}

index "cc_share" {
  kind  = "mean_100"
  items = [q_cc]
}

index "yes_count" {
  kind  = "sum"
  items = [q_cc, q_out]
}

index "both" {
  kind = "expr"
  expr = q_cc && q_out
  min  = 0
  max  = 100
}

benchmark {
  min_group_size = 1
}
