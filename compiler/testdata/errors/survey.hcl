survey "bad.id" { # ERROR @1: No Pages; ERROR @8: Invalid Identifier
  title     = "Plain" # ERROR @15: Missing Translation
  languages = ["ru", "en", "ru", "RU"] # ERROR @15: Duplicate Language; ERROR @15: Invalid Language
  version   = hidden.company # ERROR @15: Variables not allowed
  wave      = null # ERROR @15: Invalid Value
  intro     = ["not", "a", "text"] # ERROR @15: Invalid Text
  thank_you = { ru = ["Спасибо"], en = "Thanks" } # ERROR @15: Invalid Text
  endpoint { # ERROR @3: Missing Required Attribute
    format = "xml" # ERROR @14: Invalid Value
  }
  endpoint { # ERROR @3: Duplicate Block
    url = "https://example.org/collect"
  }
  theme {
    accent = "red" # ERROR @14: Invalid Colour
  }
}

benchmark {
  min_group_size = 2.5 # ERROR @20: Invalid Value
}

benchmark { # ERROR @1: Duplicate Block
}
