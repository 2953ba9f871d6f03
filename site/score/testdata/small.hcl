survey "small" {
  title = "Small"
  wave  = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

hidden "company" {
  role = "participant"
}

hidden "w" {}

page "p" {
  title = "P"

  question "q_nps" {
    type     = "nps"
    text     = "NPS"
    required = true
  }
  question "q_csat" {
    type     = "rating"
    text     = "CSAT"
    required = true
  }
  question "q_ch" {
    type = "multi"
    text = "Channels"
    option "web" {
      label = "Web"
    }
    option "phone" {
      label = "Phone"
    }
  }
}

index "nps" {
  kind  = "nps"
  items = [q_nps]
}

index "csat" {
  kind  = "top_box"
  items = [q_csat]
  top   = 2
}

index "csat_mean" {
  kind  = "mean"
  items = [q_csat]
}

block "sat" {
  title = "Satisfaction"
  items = [q_csat]
}

benchmark {
  participant      = hidden.company
  min_group_size   = 3
  min_participants = 2
}
