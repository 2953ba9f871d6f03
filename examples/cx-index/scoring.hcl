block "brand" {
  title = "Бренд"
  items = [brand_visible, brand_consistent]
}

block "communications" {
  title = "Коммуникации"
  items = [comm_clear, comm_cta]
}

block "environment" {
  title = "Окружение"
  items = [env_navigation, env_clean]
}

block "offer" {
  title = "Предложение"
  items = [offer_value, offer_terms]
}

block "culture" {
  title = "Культура"
  items = [culture_engaged, culture_adaptive]
}

index "cei" {
  title = "Индекс клиентского опыта (CEI)"
  kind  = "blocks"
  items = [block.brand, block.communications, block.environment, block.offer, block.culture]
}

index "cxci" {
  title   = "Индекс культуры клиентского опыта (CXCI)"
  kind    = "mean_100"
  items   = [cxci_contact, cxci_team, cxci_environment, journey.arrival, journey.greeting, journey.needs, journey.presentation, journey.objections, journey.closing, journey.farewell]
  weights = [1, 1, 1, 0.143, 0.143, 0.143, 0.143, 0.143, 0.143, 0.142]
}

index "five_promises" {
  title = "Индекс пяти обещаний"
  kind  = "mean_100"
  items = [p_relationship, p_exceed, p_team, p_consistency, p_environment]
}

index "rss" {
  title = "Прочность отношений (RSS)"
  kind  = "mean_100"
  items = [rss_rational, rss_emotional, rss_aspiration]
}

maturity {
  level "weak" {
    title = "Слабый опыт"
    min   = 0
  }
  level "average" {
    title = "Средний опыт"
    min   = 50
  }
  level "strong" {
    title = "Сильный опыт"
    min   = 70
  }
  level "excellent" {
    title = "Превосходный опыт"
    min   = 85
  }
}

benchmark {
  participant      = hidden.company
  segments         = [hidden.segment, hidden.channel]
  min_group_size   = 5
  min_participants = 3
  competitors      = true
}

report {
  title      = "Индекс клиентского опыта 2024: сравнение с конкурентами"
  languages  = ["ru", "en"]
  indexes    = [index.cei, index.cxci, index.five_promises, index.rss]
  breakdowns = [hidden.segment, hidden.channel]
}
