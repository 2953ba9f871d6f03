survey "german" {
  title = {
    de = "Umfrage"
    en = "Survey"
  }
  languages = ["de", "en"]

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

ui "de" {
  back            = "Back"
  next            = "Next"
  submit          = "Submit"
  review          = "Check your answers"
  review_note     = "You can go back and change any answer before you submit."
  thanks          = "Thank you!"
  thanks_text     = "Your answers have been received."
  progress        = "Step {i} of {n}"
  required        = "Please answer this question."
  required_sr     = "(required)"
  matrix_required = "Please answer every row."
  exclusive       = "This option cannot be combined with others."
  min_select      = "Choose at least {n} options."
  max_select      = "Choose at most {n} options."
  other_required  = "Please specify your answer."
  min_length      = "Please write at least {n} characters."
  max_length      = "Please write at most {n} characters."
  pattern         = "The answer is not in the expected format."
  email           = "Please enter a valid e-mail address."
  date            = "Please enter a date as YYYY-MM-DD."
  number          = "Please enter a number."
  integer         = "Please enter a whole number."
  min             = "The number must be at least {n}."
  max             = "The number must be at most {n}."
  total           = "The numbers must add up to {n}."
  rank_gap        = "Give each rank once: 1, 2, 3 … without gaps."
  sending         = "Sending your answers…"
  retry           = "Your answers could not be sent, but they are kept in this browser. Trying again in {n} s…"
  refused         = "This link is not valid (changed, replaced or expired), so the answers cannot be accepted. They are kept in this browser; please ask the organisers for a new link."
  specify         = "please specify"
  choose          = "Choose…"
  honeypot        = "Leave this field empty"
  only_if         = "Answer only if:"
  carried         = "Of the options from “{q}”, only those you chose there apply."
  carried_not     = "Of the options from “{q}”, only those you did not choose there apply."
  options_if      = "Some options apply only after certain earlier answers."
  loop_only       = "Answer only if you chose “{option}” earlier."
  nojs_note       = "JavaScript is off: all pages are shown at once. Questions marked \"Answer only if\" apply only when their condition holds."
}

page "page_1" {
  question "kunde" {
    type = "boolean"
    text = {
      de = "Sind Sie Kunde?"
      en = "Are you a customer?"
    }
    true_label = {
      de = "Yes"
      en = "Yes"
    }
    false_label = {
      de = "No"
      en = "No"
    }
  }

  question "seit" {
    type = "single"
    text = {
      de = "Seit wann, Kunde ({kunde})?"
      en = "Since when ({kunde|?}, —)?"
    }
    show_if = kunde == true

    option "2020" {
      label = {
        de = "2020"
        en = "2020"
      }
    }

    option "2021" {
      label = {
        de = "2021"
        en = "2021"
      }
    }
  }
}

ending "redirect_1_ending_1" {
  show_if = (kunde == false && seit == "2020")
  text = {
    de = "Danke, **Stammkunde**!"
    en = "Danke, **Stammkunde**!"
  }
  redirect = "https://example.org/screenout"
}

ending "redirect_1" {
  show_if  = kunde == false
  redirect = "https://example.org/screenout"
}

ending "redirect_ending_1" {
  show_if = seit == "2020"
  text = {
    de = "Danke, **Stammkunde**!"
    en = "Danke, **Stammkunde**!"
  }
  redirect = "https://example.org/done"
}

ending "redirect" {
  redirect = "https://example.org/done"
}
