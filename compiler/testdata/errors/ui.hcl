survey "ui" {
  title     = { en = "UI", de = "UI", fr = "UI" }
  languages = ["en", "de", "fr"] # ERROR @28: Missing Interface Text
  endpoint {
    url = "https://example.org/collect"
  }
}

page "p" {
  title = { en = "P", de = "P", fr = "P" }
  question "q" {
    type = "text"
    text = { en = "Q", de = "F", fr = "Q" }
  }
}

ui "en" {
  nxet       = "Go on" # ERROR @3: Unknown Interface Text
  min_select = "Choose two or more." # ERROR @16: Missing Placeholder
  progress   = "{i}/{n} ({total})" # ERROR @16: Unknown Placeholder
  back       = ["Back"] # ERROR @16: Invalid Value
}

ui "de" { # ERROR @1: Missing Interface Text
  next = "Weiter"
  back = "Zurück"
  button { # ERROR @3: Unexpected "button" block
  }
}

ui "en" { # ERROR @1: Duplicate Block
  next = "Next"
}

ui "dee" { # ERROR @4: Unknown Language
  next = "Weiter"
}
