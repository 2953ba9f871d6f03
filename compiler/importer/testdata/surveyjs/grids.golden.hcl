survey "grids" {
  title     = "Contact centre grids"
  languages = ["en"]

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

page "shifts" {
  question "staff" {
    type     = "grid"
    text     = "Who staffs each channel?"
    required = true
    input    = "dropdown"

    option "own" {
      label = "Own staff"
    }

    option "out" {
      label = "Outsourced"
    }

    row "voice" {
      label = "Phone"
    }

    row "chat" {
      label = "Chat"
    }

    column "weekdays" {
      label = "Weekdays"
    }

    column "weekend" {
      label = "Weekend"
    }
  }

  question "agents" {
    type = "grid"
    text = "How many agents per shift?"
    min  = 0

    row "voice" {
      label = "voice"
    }

    row "chat" {
      label = "chat"
    }

    column "day" {
      label = "Day"
    }

    column "night" {
      label = "Night"
    }
  }

  question "tools" {
    type = "matrix_multi"
    text = "Which tools does each channel have?"

    option "ivr" {
      label = "ivr"
    }

    option "bot" {
      label = "bot"
    }

    option "crm" {
      label = "CRM"
    }

    row "voice" {
      label = "voice"
    }

    row "chat" {
      label = "chat"
    }
  }

  question "hours" {
    type = "matrix_multi"
    text = "When is each channel open?"

    option "morning" {
      label = "Morning"
    }

    option "evening" {
      label = "Evening"
    }

    row "voice" {
      label = "voice"
    }

    row "chat" {
      label = "chat"
    }
  }

  question "busy" {
    type = "text"
    text = "Busiest channel by day?"
  }
}

page "dropped" {
  question "note" {
    type = "text"
    text = "Anything else?"
  }
}
