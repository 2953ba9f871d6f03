survey "types" {
  title     = "Types"
  languages = ["de"]
  endpoint {
    url = "https://example.org/c"
  }
}

ui "de" {
  back            = "Zurück"
  next            = "Weiter"
  submit          = "Senden"
  review          = "Überprüfen"
  review_note     = "Bitte prüfen."
  thanks          = "Danke"
  thanks_text     = "Danke."
  progress        = "Schritt {i} von {n}"
  required        = "Pflichtfeld"
  required_sr     = "(Pflicht)"
  matrix_required = "Jede Zeile"
  exclusive       = "Allein"
  min_select      = "Mindestens {n}"
  max_select      = "Höchstens {n}"
  other_required  = "Bitte angeben"
  min_length      = "Mindestens {n}"
  max_length      = "Höchstens {n}"
  pattern         = "Format"
  email           = "E-Mail"
  date            = "Datum"
  number          = "Zahl"
  integer         = "Ganze Zahl"
  min             = "Mindestens {n}"
  max             = "Höchstens {n}"
  sending         = "Senden…"
  retry           = "Erneut in {n}"
  refused         = "Abgelehnt"
  specify         = "Bitte angeben"
  choose          = "Wählen"
  honeypot        = "Nicht ausfüllen"
  only_if         = "Nur wenn"
  nojs_note       = "Ohne JavaScript"
}

page "p" {
  title = "P"

  question "q_bool" { # ERROR @3: Missing Label; ERROR @3: Missing Label
    type = "boolean"
    text = "Kundenservice?"
  }
  question "q_bool_half" { # ERROR @3: Missing Label
    type       = "boolean"
    text       = "Ausgelagert?"
    true_label = "Ja"
  }
  question "q_bool_options" {
    type        = "boolean"
    text        = "Mit Optionen?"
    true_label  = "Ja"
    false_label = "Nein"
    options     = ["a"] # ERROR @5: Attribute Not Allowed Here
    option "a" { # ERROR @5: Block Not Allowed Here
      label = "A"
    }
  }
  question "q_single" {
    type        = "single"
    text        = "Eins"
    false_label = "Nein" # ERROR @5: Attribute Not Allowed Here
    option "a" {
      label = "A"
    }
  }
}
