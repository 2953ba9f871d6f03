# Carry forward and option conditions: options carried from a later
# question (which a cycle always needs), from the question itself, from a
# question without options, from one whose options are all "none of these"
# or "don't know", with a take that is neither chosen nor not_chosen, with
# an own option repeating a carried code; an option's show_if using a later
# question or its own; a question whose every option can never be shown;
# conditions on an option set's option and on a matrix's.
survey "carry" {
  title     = "Carry"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

option_set "yn" {
  option "yes" {
    label   = "Yes"
    show_if = true # ERROR @5: Option Condition In Option Set
  }
  option "no" {
    label = "No"
  }
}

page "p" {
  question "q_first" {
    type = "multi"
    text = "First"
    options_from {
      question = q_second # ERROR @18: Options From A Later Question
    }
  }

  question "q_second" {
    type = "multi"
    text = "Second"
    options_from {
      question = q_first
    }
    option "own" {
      label = "Own"
    }
  }

  question "q_self" {
    type = "single"
    text = "Self"
    options_from {
      question = q_self # ERROR @18: Options From Itself
    }
  }

  question "q_num" {
    type = "number"
    text = "How many?"
  }

  question "q_from_num" {
    type = "dropdown"
    text = "From a number"
    options_from {
      question = q_num # ERROR @18: Options From A Question Without Options
    }
  }

  question "q_none" {
    type = "multi"
    text = "None"
    option "none" {
      label     = "None of these"
      exclusive = true
    }
    option "dk" {
      label   = "Don't know"
      missing = true
    }
  }

  question "q_from_none" {
    type = "single"
    text = "From none"
    options_from {
      question = q_none # ERROR @18: Nothing To Carry Forward
    }
  }

  question "q_channels" {
    type = "multi"
    text = "Channels"
    option "phone" {
      label = "Phone"
    }
    option "chat" {
      label = "Chat"
    }
  }

  question "q_take" {
    type = "single"
    text = "Take"
    options_from {
      question = q_channels
      take     = "selected" # ERROR @18: Invalid Value
    }
  }

  question "q_dup" {
    type = "multi"
    text = "Duplicate"
    options_from {
      question = q_channels
    }
    option "chat" { # ERROR @12: Duplicate Option
      label = "Chat again"
    }
  }

  question "q_later_if" {
    type = "single"
    text = "Later"
    option "a" {
      label   = "A"
      show_if = q_last == "x" # ERROR @17: Reference To A Later Question
    }
    option "b" {
      label   = "B"
      show_if = contains(q_later_if, "a") # ERROR @17: Option Condition On Its Question
    }
  }

  question "q_never" { # ERROR @12: No Option Can Be Shown
    type = "single"
    text = "Never"
    option "a" {
      label   = "A"
      show_if = false
    }
    option "b" {
      label   = "B"
      show_if = 1 > 2
    }
  }

  question "q_grid" {
    type    = "matrix"
    text    = "Grid"
    options = option_set.yn
    option "maybe" {
      label   = "Maybe"
      show_if = answered(q_num) # ERROR @7: Option Condition Not Allowed
    }
    row "r" {
      label = "R"
    }
  }

  question "q_last" {
    type = "text"
    text = "Last"
    options_from { # ERROR @5: Block Not Allowed Here
      question = q_channels
    }
  }
}
