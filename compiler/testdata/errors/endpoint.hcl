survey "endpoint" { # ERROR @1: Missing Endpoint
  title     = "No endpoint"
  languages = [] # ERROR @15: Invalid Value
}

page "p" {
  title = "P"

  question "q" {
    type = "text"
    text = "Q"
  }
}
