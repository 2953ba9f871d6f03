survey "raked" {
  title = "Raked"
  wave  = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

hidden "company" {
  role = "participant"
}

hidden "seg" {}

page "p" {
  title = "P"

  question "q_ch" {
    type = "single"
    text = "Channel"
    option "x" {
      label = "X"
    }
    option "y" {
      label = "Y"
    }
  }
  question "q_csat" {
    type     = "rating"
    text     = "CSAT"
    required = true
  }
}

index "csat_mean" {
  kind  = "mean"
  items = [q_csat]
}

benchmark {
  participant    = hidden.company
  min_group_size = 1
  # Shares as population counts: normalised to 0.4 and 0.6.
  margin {
    field   = hidden.seg
    targets = { a = 400, b = 600 }
  }
  margin {
    field   = q_ch
    targets = { x = 0.5, y = 0.5 }
  }
}
