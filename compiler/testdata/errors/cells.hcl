survey "cells" {
  title     = "Cells"
  languages = ["en"]
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = "P"

  question "mm" {
    type       = "matrix_multi"
    text       = "Which apply?"
    max_select = 2
    row "voice" {
      label = "Phone"
    }
    row "voice" { # ERROR @9: Duplicate Row
      label = "Phone"
    }
    option "ivr" {
      label = "IVR"
    }
    option "other" { # ERROR @12: Other Option In Matrix
      label = "Other"
      other = true
    }
    column "x" { # ERROR @5: Block Not Allowed Here
      label = "X"
    }
  }

  question "mm_empty" { # ERROR @3: Matrix Without Rows
    type = "matrix_multi"
    text = "Which apply?"
    option "a" {
      label = "A"
    }
  }

  question "g_input" {
    type  = "grid"
    text  = "How many?"
    input = "text" # ERROR @13: Invalid Input
    row "r" {
      label = "R"
    }
    column "c" {
      label = "C"
    }
  }

  question "g" { # ERROR @3: Grid Without Columns
    type    = "grid"
    text    = "How many?"
    options = option_set.x # ERROR @5: Options Without Dropdown
    row "r" {
      label = "R"
    }
    option "a" { # ERROR @5: Options Without Dropdown
      label = "A"
    }
  }

  question "g2" {
    type    = "grid"
    text    = "Which?"
    input   = "dropdown"
    integer = true # ERROR @5: Attribute Not Allowed Here
    row "r" {
      label = "R"
    }
    column "c" {
      label = "C"
    }
    column "c" { # ERROR @12: Duplicate Column
      label = "C"
    }
    column "1x" { # ERROR @12: Invalid Identifier
      label = "C"
    }
    option "a" {
      label = "A"
    }
  }

  question "after" {
    type    = "number"
    text    = "How many?"
    show_if = g2.r > 0 # ERROR @15: Cell Needed
  }

  question "after2" {
    type    = "number"
    text    = "How many?"
    show_if = mm.voice.ivrr || g2.rr.c == "a" || g2.r.c == 1 # ERROR @15: Unknown Column; ERROR @32: Unknown Row; ERROR @50: Wrong Type
  }
}

index "agents" {
  title = "Agents"
  kind  = "mean_100"
  items = [g2.r.c] # ERROR @12: Cells Not Scored
}
