survey "edges" {
  title     = { en = "Edges", ru = "Края" }
  languages = ["en", "ru"]
  wave      = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

hidden "company" {
  role = "participant"
}

hidden "w" {}

page "p" {
  title = { en = "P", ru = "С" }

  question "q_nps" {
    type = "nps"
    text = { en = "NPS", ru = "NPS" }
  }
  question "q_ces" {
    type = "likert"
    min  = 1
    max  = 7
    text = { en = "Easy", ru = "Просто" }
  }
  question "d_a" {
    type = "rating"
    text = { en = "A", ru = "А" }
  }
  question "d_b" {
    type = "rating"
    text = { en = "B", ru = "Б" }
  }
  question "q_ch" {
    type = "multi"
    text = { en = "Channels", ru = "Каналы" }
    option "web" {
      label = { en = "Web", ru = "Сайт" }
    }
    option "phone" {
      label = { en = "Phone", ru = "Телефон" }
    }
    option "na" {
      label   = { en = "Don't know", ru = "Не знаю" }
      missing = true
    }
  }
}

index "nps" {
  title = { en = "NPS", ru = "NPS" }
  kind  = "nps"
  items = [q_nps]
}

index "ces" {
  title = { en = "CES", ru = "CES" }
  kind  = "mean"
  items = [q_ces]
}

index "service" {
  title = { en = "Service", ru = "Сервис" }
  kind  = "mean_100"
  items = [d_a, d_b]
}

index "fcr" {
  title = { en = "FCR", ru = "FCR" }
  kind  = "expr"
  expr  = q_ces >= 6 ? 100 : 0
  min   = 0
  max   = 100
}

index "web" {
  title   = { en = "Web", ru = "Сайт" }
  kind    = "share"
  items   = [q_ch]
  options = ["web"]
}

index "channels" {
  title   = { en = "Channels", ru = "Каналы" }
  kind    = "count"
  items   = [q_ch]
  options = ["web", "phone"]
}

block "sat" {
  title = { en = "Satisfaction", ru = "Удовлетворённость" }
  items = [d_a, d_b]
}

benchmark {
  participant      = hidden.company
  min_group_size   = 1
  min_participants = 2
  outcome          = index.nps
  drivers          = [d_a, d_b]
}

report {
  languages = ["en", "ru"]
}
