# Source codes (option source): the codes of the tool a survey was
# imported from, which ingest reads as the options'. Each must name one
# option: not empty, not another option's source, not another option's
# code (a record giving it would mean either).
survey "source_codes" {
  title     = "Source codes"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

page "p" {
  question "q_size" {
    type = "single"
    text = "Size"
    option "c2_0" {
      label  = "Two"
      source = "2.0"
    }
    option "c2_5" {
      label  = "Two and a half"
      source = "2.0" # ERROR @16: Duplicate Source Code
    }
    option "c3" {
      label  = "Three"
      source = "c2_0" # ERROR @16: Ambiguous Source Code
    }
    option "c4" {
      label  = "Four"
      source = "" # ERROR @16: Empty Source Code
    }
    option "c5" {
      label  = "Five"
      source = "c5" # its own code: says nothing new, harmless
    }
  }
  # Source names (question, row and item source): the names the old tool
  # keyed answers by, which ingest reads as the opros ones.
  question "team_size" {
    type   = "number"
    text   = "Team size"
    source = "team-size"
  }
  question "team_budget" {
    type   = "number"
    text   = "Budget"
    source = "team-size" # ERROR @14: Duplicate Question Source
  }
  question "q_note" {
    type   = "text"
    text   = "Note"
    source = "team_size" # ERROR @14: Ambiguous Question Source
  }
  question "q_empty" {
    type   = "text"
    text   = "Empty"
    source = "" # ERROR @14: Empty Source Name
  }
  question "q_m" {
    type = "matrix"
    text = "Rate"
    option "good" {
      label = "Good"
    }
    row "support_team" {
      label  = "Support team"
      source = "support team"
    }
    row "sales" {
      label  = "Sales"
      source = "support team" # ERROR @16: Duplicate Source Name
    }
    row "billing" {
      label  = "Billing"
      source = "sales" # ERROR @16: Ambiguous Source Name
    }
  }
  question "q_hours" {
    type = "inputs"
    text = "Hours"
    item "mon" {
      label  = "Monday"
      source = "" # ERROR @16: Empty Source Name
    }
    item "tue" {
      label  = "Tuesday"
      source = "day 2"
    }
  }
}

# A question asked in a loop has a column per iteration: no one old name
# can stand for them all.
page "channels" {
  question "q_ch" {
    type = "multi"
    text = "Channels"
    option "voice" {
      label = "Voice"
    }
    option "chat" {
      label = "Chat"
    }
  }
}

loop "per_channel" {
  over = q_ch

  page "per_channel_page" {
    question "agents" {
      type   = "number"
      text   = "Agents"
      source = "agents-n" # ERROR @16: Source In Loop
    }
  }
}
