# Loops: over a question that is not a multi, over a later one, over an
# unknown one; a loop inside a loop; an empty loop; a calculation in a
# loop; a loop question named without its iteration outside the loop (in
# a condition and in a piped text); a column an iteration would take from
# another question; {loop.label} outside a loop and an unknown {loop.x};
# an option code that cannot name an iteration; a source in quotes; an
# index item naming a loop question without its iteration; a loop
# question named like a question outside the loop.
survey "loops" {
  title     = "Loops"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

page "first" {
  title = "First {loop.label}" # ERROR @11: Loop Pipe Outside A Loop

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

  question "q_main" {
    type = "single"
    text = "Main channel"
    option "phone" {
      label = "Phone"
    }
  }

  question "q_codes" {
    type = "multi"
    text = "Codes"
    option "a-b" {
      label = "A dash"
    }
  }

  question "volume__chat" {
    type = "number"
    text = "Taken"
  }
}

loop "ok" {
  over = q_channels

  page "volume_page" {
    question "volume" { # ERROR @14: Loop Column Taken
      type = "number"
      text = "How many via {loop.label}, {loop.name}?" # ERROR @14: Unknown Loop Pipe
    }

    question "q_main" { # ERROR @14: Loop Question Named Like Another
      type = "text"
      text = "Named like the first page's"
    }

    calculate "twice" { # ERROR @5: Calculate In A Loop
      value = volume * 2
    }

    loop "inner" { # ERROR @5: Unsupported block type
      over = q_channels
    }
  }

  loop "nested" { # ERROR @3: Nested Loop
    over = q_channels
    page "nested_page" {
      question "nested_q" {
        type = "text"
        text = "Nested"
      }
    }
  }
}

loop "single" {
  over = q_main # ERROR @10: Loop Over A Non-Multi Question
  page "single_page" {
    question "single_q" {
      type = "text"
      text = "Single"
    }
    question "single_bad" {
      type = "txt" # ERROR @14: Unknown Question Type
      text = "Said though the loop has no iteration"
    }
  }
}

loop "later" {
  over = q_later # ERROR @10: Loop Over A Later Question
  page "later_page" {
    question "later_q" {
      type = "text"
      text = "Later"
    }
  }
}

loop "unknown" {
  over = q_chanels # ERROR @10: Unknown Question
  page "unknown_page" {
    question "unknown_q" {
      type = "text"
      text = "Unknown"
    }
  }
}

loop "dash" {
  over = q_codes # ERROR @10: Option Code Cannot Name An Iteration
  page "dash_page" {
    question "dash_q" {
      type = "text"
      text = "Dash"
    }
  }
}

loop "quoted" {
  over = "q_channels" # ERROR @10: Invalid Loop Source
  page "quoted_page" {
    question "quoted_q" {
      type = "text"
      text = "Quoted"
    }
  }
}

loop "empty" { # ERROR @1: Empty Loop
  over = q_channels
}

page "after" {
  question "q_later" {
    type = "multi"
    text = "Later"
    option "x" {
      label = "X"
    }
  }

  question "q_outside" {
    type    = "text"
    text    = "You said {volume}." # ERROR @15: Loop Question Without Its Iteration
    show_if = volume > 1 # ERROR @15: Loop Question Without Its Iteration
  }

  question "q_fine" {
    type    = "text"
    text    = "You said {volume__phone}."
    show_if = volume__phone > 1
  }
}

index "volume" {
  kind  = "mean"
  items = [volume] # ERROR @12: Loop Question Without Its Iteration
}

index "volume_phone" {
  kind  = "mean"
  items = [volume__phone]
}
