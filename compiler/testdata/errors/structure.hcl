survey "structure" {
  title = "Structure"
  colour = "red" # ERROR @3: Unsupported argument
  endpoint {
    url = "https://example.org/collect"
  }
}

survey "again" { # ERROR @1: Duplicate Survey Block
  title = "Again"
}

questionnaire "x" { # ERROR @1: Unsupported block type
}

page "p" {
  title = "P"

  question "bad-id" { # ERROR @12: Invalid Identifier
    type = "text"
    text = "Bad id"
  }
  question "q" {
    type     = "text"
    text     = "Q"
    requird  = true # ERROR @5: Unsupported argument
  }
}

page "empty" { # ERROR @1: Empty Page
  title = "Empty"
}
