survey "types" {
  title     = "Types"
  languages = ["de"]
  endpoint {
    url = "https://example.org/c"
  }
  theme {
    logo_height = 400 # ERROR @19: Invalid Logo Height
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
  total           = "Zusammen {n}"
  rank_gap        = "Jeder Rang einmal"
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
    columns     = 5      # ERROR @19: Invalid Columns
    false_label = "Nein" # ERROR @5: Attribute Not Allowed Here
    option "a" {
      label = "A"
    }
  }
}

page "boxes" {
  title = "Boxes"

  question "q_no_items" { # ERROR @3: Boxes Without Items
    type = "inputs"
    text = "Leer"
  }
  question "q_boxes" {
    type       = "inputs"
    text       = "Felder"
    input      = "date" # ERROR @18: Invalid Input
    item "a" {
      label = "A"
    }
    item "a" { # ERROR @10: Duplicate Item
      label = "A"
    }
    row "r" { # ERROR @5: Block Not Allowed Here
      label = "R"
    }
  }
  question "q_numbers" {
    type       = "inputs"
    text       = "Zahlen"
    input      = "number"
    max_length = 5 # ERROR @5: Attribute Not Allowed Here
    item "a" {
      label = "A"
    }
  }
  question "q_ref" {
    type    = "text"
    text    = "Warum?"
    show_if = q_numbers > 1 || q_numbers.b > 1 # ERROR @15: Item Needed; ERROR @32: Unknown Item
  }
  question "q_matrix" {
    type    = "matrix"
    text    = "Matrix"
    options = option_set.none # ERROR @15: Unknown Option Set
    row "r" {
      label = "R"
    }
    item "i" { # ERROR @5: Block Not Allowed Here
      label = "I"
    }
  }
}

page "sums" {
  title = "Summen"

  question "q_sum" {
    type    = "constant_sum"
    text    = "Anteile"
    total   = 0 # ERROR @15: Invalid Total
    integer = true
    item "a" {
      label = "A"
    }
  }
  question "q_sum_min" {
    type  = "constant_sum"
    text  = "Anteile"
    min   = 5 # ERROR @5: Attribute Not Allowed Here
    item "a" {
      label = "A"
    }
  }
}

page "ranks" {
  title = "Ränge"

  question "q_rank" {
    type = "ranking"
    text = "Wichtigkeit"
    rank = 3 # ERROR @12: Invalid Rank
    item "a" {
      label = "A"
    }
    item "b" {
      label = "B"
    }
  }
}
