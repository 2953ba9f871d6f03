survey "structure" {
  title = "Structure"
  colour = "red" # ERROR: Unsupported argument
  endpoint {
    url = "https://example.org/collect"
  }
}

survey "again" { # ERROR: Duplicate Survey Block
  title = "Again"
}

questionnaire "x" { # ERROR: Unsupported block type
}

page "p" {
  title = "P"

  question "bad-id" { # ERROR: Invalid Identifier
    type = "text"
    text = "Bad id"
  }
  question "q" {
    type     = "text"
    text     = "Q"
    requird  = true # ERROR: Unsupported argument
  }
}

page "empty" { # ERROR: Empty Page
  title = "Empty"
}
