page "p" { # ERROR @1: Missing Survey Block
  title = "A page without a survey"
}
