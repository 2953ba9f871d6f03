# Scoring: how mature is a contact center's customer analytics.

block "analytics" {
  title = "Аналитика данных"
  items = [q5_5, q5_6]
}

block "personalisation" {
  title = "Персонализация"
  items = [q5_7, q5_9]
}

block "journey" {
  title = "Клиентский путь"
  items = [q5_10, q5_16]
}

block "cost" {
  title = "Себестоимость контакта"
  items = [q5_14.voice, q5_14.digital, q5_14.automated]
}

block "conversion" {
  title = "Конверсия в каналах"
  items = [q5_15.voice, q5_15.digital, q5_15.automated]
}

index "maturity" {
  title = "Индекс зрелости аналитики"
  kind  = "blocks"
  items = [block.analytics, block.personalisation, block.journey, block.cost, block.conversion]
}

index "data_breadth" {
  title   = "Широта собираемых данных (число типов из 7)"
  kind    = "count"
  items   = [q5_2]
  options = ["feedback", "preferences", "value", "demographics", "cjm", "web", "iot"]
}

index "measures_nps" {
  title   = "Доля измеряющих NPS, %"
  kind    = "share"
  items   = [q5_13]
  options = ["nps"]
}

index "measures_ces" {
  title   = "Доля измеряющих CES, %"
  kind    = "share"
  items   = [q5_13]
  options = ["ces"]
}

maturity {
  level "basic" {
    title = "Базовый"
    min   = 0
  }
  level "developing" {
    title = "Развивающийся"
    min   = 40
  }
  level "advanced" {
    title = "Продвинутый"
    min   = 65
  }
  level "leader" {
    title = "Лидер"
    min   = 85
  }
}

benchmark {
  unit             = "participant" # one questionnaire per company and wave
  once             = "last"        # a company that sends it again: its last one counts
  participant      = hidden.company
  segments         = [hidden.segment]
  min_group_size   = 5
  min_participants = 3
}

report {
  title      = "Contact Center Benchmark 2018: аналитика взаимодействия с клиентами"
  languages  = ["ru", "en"]
  indexes    = [index.maturity, index.data_breadth, index.measures_nps]
  breakdowns = [hidden.segment]
}
