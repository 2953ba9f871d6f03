# show_if conditions of every form schema.json translates, and two it
# cannot (lower(), arithmetic), and patterns whose \s and . read
# differently in Go and JavaScript unless translated: the schema tests in
# site/answer simulate answers to it and hold opros and the schema to
# each other.
survey "conditions" {
  title = "Conditions"
  endpoint {
    url = "https://example.org/c"
  }
}

hidden "tier" {
  default = "gold"
}

page "first" {
  title = "First"

  question "q_score" {
    type     = "nps"
    text     = "Score"
    required = true
  }
  question "q_multi" {
    type = "multi"
    text = "Which?"
    option "a" {
      label = "A"
    }
    option "b" {
      label = "B"
    }
    option "none" {
      label     = "None"
      exclusive = true
    }
  }
  question "q_pick" {
    type = "single"
    text = "Pick"
    option "a" {
      label = "A"
    }
    option "b" {
      label = "B"
    }
    option "other" {
      label = "Other"
      other = true
    }
  }
  question "q_mat" {
    type = "matrix"
    text = "Rows"
    row "r1" {
      label = "R1"
    }
    row "r2" {
      label = "R2"
    }
    option "yes" {
      label = "Yes"
    }
    option "no" {
      label = "No"
    }
  }
  question "q_text" {
    type = "text"
    text = "Text"
  }
  question "q_spaced" {
    type    = "text"
    text    = "Two words"
    pattern = "\\w+\\s\\w+"
  }
  question "q_dot" {
    type    = "text"
    text    = "Dots and letters"
    pattern = "x.+|[а-я]{2,3}\\d?|(a|b)*?c"
  }
  question "q_promoter" {
    type     = "text"
    text     = "Why so high?"
    required = true
    show_if  = 9 <= q_score
  }
  question "q_low" {
    type     = "likert"
    text     = "Low and silent"
    required = true
    min      = 1
    max      = 5
    missing  = "Don't know"
    show_if  = q_score < 5 && !answered(q_text)
  }
  question "q_b" {
    type     = "text"
    text     = "B or A"
    required = true
    show_if  = contains(q_multi, "b") || q_pick == "a"
  }
  question "q_row" {
    type     = "text"
    text     = "Row one yes"
    required = true
    show_if  = q_mat.r1 == "yes"
  }
  question "q_in" {
    type     = "single"
    text     = "A or B picked"
    required = true
    show_if  = contains(["a", "b"], q_pick)
    option "x" {
      label = "X"
    }
    option "y" {
      label = "Y"
    }
  }
  question "q_sub" {
    type    = "text"
    text    = "Text has x."
    show_if = contains(q_text, "x.")
  }
  question "q_not" {
    type     = "multi"
    text     = "Not none"
    required = true
    show_if  = !contains(q_multi, "none") && q_pick != "b"
    option "p" {
      label = "P"
    }
    option "q" {
      label = "Q"
    }
  }
  question "q_tier" {
    type     = "text"
    text     = "Silver or an empty tier"
    required = true
    show_if  = hidden.tier == "silver" || hidden.tier == ""
  }
  question "q_lower" {
    type    = "text"
    text    = "A function of a hidden field"
    show_if = lower(hidden.tier) == "silver"
  }
  question "q_gold" {
    type     = "text"
    text     = "Arithmetic"
    required = true
    show_if  = q_score * 2 > 10
  }
}

page "second" {
  title   = "Second"
  show_if = q_score >= 7

  question "q_page" {
    type     = "single"
    text     = "On a conditional page"
    required = true
    option "x" {
      label = "X"
    }
  }
}
