survey "options" {
  title = "Options and scales"
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "company" {
  role = "owner" # ERROR @10: Invalid Role
}

option_set "yn" {
  option "yes" {
    label = "Yes"
  }
}

option_set "yn" { # ERROR @12: Duplicate Option Set
  option "no" {
    label = "No"
  }
}

option_set "empty" { # ERROR @1: Empty Option List
}

scale "five" {
  min = 1
  max = 5
}

scale "five" { # ERROR @7: Duplicate Scale
  min = 1
  max = 5
}

scale "open" { # ERROR @1: Missing Required Attribute
  min = 1
}

page "p" {
  title = "P"

  question "q_no_type" { # ERROR @3: Missing Question Type
    text = "No type"
  }
  question "q_no_text" { # ERROR @3: Missing Required Attribute
    type = "text"
  }
  question "q_style" {
    type  = "single"
    text  = "Style"
    style = "tiles" # ERROR @13: Invalid Value
    option "a" {
      label = "A"
    }
  }
  question "q_others" { # ERROR @3: Several Other Options
    type = "multi"
    text = "Two others"
    option "o1" {
      label = "Other 1"
      other = true
    }
    option "o2" {
      label = "Other 2"
      other = true
    }
  }
  question "q_rows" {
    type = "single"
    text = "Rows outside a matrix"
    option "a" {
      label = "A"
    }
    row "r" { # ERROR @5: Row Outside Matrix
      label = "R"
    }
  }
  question "q_dup_row" {
    type    = "matrix"
    text    = "Duplicate rows"
    options = option_set.yn
    row "r" {
      label = "R"
    }
    row "r" { # ERROR @9: Duplicate Row
      label = "R again"
    }
  }
  question "q_negative" { # ERROR @3: Invalid Selection Limits
    type       = "multi"
    text       = "Negative"
    options    = option_set.yn
    min_select = -1
  }
  question "q_code" {
    type = "single"
    text = "Code"
    option "bad code" { # ERROR @12: Invalid Code
      label = "Bad"
    }
  }
  question "q_text_option" {
    type = "text"
    text = "A text question with an option"
    option "a" { # ERROR @5: Block Not Allowed Here
      label = "A"
    }
  }
  question "q_length" {
    type       = "text"
    text       = "Length"
    min_length = 10 # ERROR @18: Invalid Length Limits
    max_length = 5
  }
  question "q_neg_length" { # ERROR @3: Invalid Length Limits
    type       = "text"
    text       = "Negative length"
    max_length = -5
  }
  question "q_message" {
    type            = "text"
    text            = "Message"
    pattern_message = "Digits only" # ERROR @5: Message Without Pattern
  }
  question "q_date" {
    type = "date"
    text = "Date"
    min  = "2020-01-01" # ERROR @5: Attribute Not Allowed Here
  }
  question "q_unknown_scale" {
    type  = "likert"
    text  = "Unknown scale"
    scale = scale.fiv # ERROR @13: Unknown Scale
  }
  question "q_rating_min" { # ERROR @3: Invalid Rating Scale
    type = "rating"
    text = "Rating from 2"
    min  = 2
  }
  question "q_rating_max" { # ERROR @3: Invalid Rating Scale
    type = "rating"
    text = "Rating to 20"
    max  = 20
  }
  question "q_flat" { # ERROR @3: Invalid Scale
    type = "scale"
    text = "Flat"
    min  = 5
    max  = 5
  }
  question "q_long" { # ERROR @3: Invalid Scale
    type = "scale"
    text = "Long"
    min  = 0
    max  = 500
  }
  question "q_labels" { # ERROR @3: Wrong Number Of Labels
    type   = "likert"
    text   = "Labels"
    min    = 1
    max    = 3
    labels = ["one", "two"]
  }
  question "q_labels_kind" {
    type   = "likert"
    text   = "Labels not a list"
    scale  = scale.five
    labels = "one" # ERROR @14: Invalid Value
  }
  question "q_required" {
    type     = "text"
    text     = "Required"
    required = "yes" # ERROR @16: Invalid Value
  }
  question "q_set_path" {
    type    = "single"
    text    = "Set path"
    options = option_set.yn.yes # ERROR @15: Invalid Reference
  }
  question "q_set_string" {
    type    = "single"
    text    = "Set string"
    options = "yn" # ERROR @15: Invalid Reference
  }
}
