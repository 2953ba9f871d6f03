# Endings: one defined twice, one after an ending everyone reaches, a
# screen-out ending with a show_if of its own, redirects that are not
# http(s) or carry an unknown placeholder, a screen_out naming no ending,
# a question whose ID is the data's ending column, and an ending whose ID
# is not an identifier.
survey "endings" {
  title     = "Endings"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "rid" {}

ending "complete" {
  text     = "Thank you."
  redirect = "https://panel.example/complete?rid={hidden.rid}&id={response_id}"
}

ending "complete" { # ERROR @8: Duplicate Ending
  text = "Again."
}

ending "promoter" { # ERROR @8: Ending Never Reached
  text    = "Thanks, fan."
  show_if = ending >= 9
}

ending "screened" {
  text     = "Sorry."
  show_if  = ending <= 2 # ERROR @14: Show_if Never Used
  redirect = "javascript:alert(1)" # ERROR @14: Invalid Redirect
}

ending "full" {
  redirect = "https://panel.example/full?rid={hidden.ird}" # ERROR @14: Unknown Placeholder
}

page "p" {
  question "ending" { # ERROR @12: Reserved ID
    type = "nps"
    text = "Recommend?"
  }
  screen_out {
    if     = ending <= 2
    ending = "screened"
  }
  screen_out {
    if     = ending == 3
    ending = "screend" # ERROR @14: Unknown Ending
  }
  screen_out {
    if     = ending == 4
    ending = "full"
  }
  screen_out {
    if     = ending == 5
    ending = "thank-you"
  }
}

ending "thank-you" { # ERROR @8: Invalid Identifier
  text = "Thanks."
}
