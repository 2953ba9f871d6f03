index "nps" {
  title = { ru = "NPS (индекс потребительской лояльности)", en = "NPS (Net Promoter Score)" }
  kind  = "nps"
  items = [q_nps]
}

index "csat" {
  title = { ru = "CSAT (доля удовлетворённых, топ-2)", en = "CSAT (top-2-box satisfied)" }
  kind  = "top_box"
  items = [q_csat]
  top   = 2
}

index "ces" {
  title       = { ru = "CES (простота, среднее по шкале 1–7)", en = "CES (ease, mean on 1–7)" }
  description = { ru = "Согласие с утверждением «Компания сделала решение моего вопроса простым»; выше — лучше.", en = "Agreement with \"The company made it easy to handle my issue\"; higher is better." }
  kind        = "mean"
  items       = [q_ces]
}

index "service" {
  title = { ru = "Индекс качества обслуживания", en = "Service quality index" }
  kind  = "mean_100"
  items = [d_speed, d_competence, d_politeness, d_ease, d_price]
}

index "fcr" {
  title = { ru = "Решение с первого обращения, %", en = "First contact resolution, %" }
  kind  = "expr"
  expr  = q_resolved == "yes" && coalesce(q_contacts, 1) == 1 ? 100 : 0
  min   = 0
  max   = 100
}

benchmark {
  participant      = hidden.company
  segments         = [hidden.segment, hidden.channel]
  min_group_size   = 10
  min_participants = 3
  outcome          = index.nps
  drivers          = [d_speed, d_competence, d_politeness, d_ease, d_price]

  # Known shares of the customer base: the sample over-represents business
  # clients and under-represents phone contacts, so weights are raked to
  # these margins within each wave.
  margin {
    field   = hidden.segment
    targets = { b2c = 0.8, b2b = 0.2 }
  }
  margin {
    field   = hidden.channel
    targets = { phone = 0.45, chat = 0.25, email = 0.15, office = 0.15 }
  }
}

report {
  title      = { ru = "Клиентский опыт 2025: NPS, CSAT, CES", en = "Customer experience 2025: NPS, CSAT, CES" }
  languages  = ["ru", "en"]
  indexes    = [index.nps, index.csat, index.ces, index.service, index.fcr]
  breakdowns = [hidden.segment, hidden.channel]
}
