# Synthetic self-assessments: one per company and wave, as the real study has (the benchmark's unit
# is the participant), 16 companies in 3 industries, two waves. Two companies send a second
# self-assessment days later in each wave: ingest counts the latest and sets the earlier one aside
# (answers.setaside.ndjson).
responses = 1
repeats   = 2

wave "2024" {
  shift = -0.25
}
wave "2025" {
  shift = 0
}

segment "finance" {}
segment "telecom" {}
segment "retail" {}

company "Альфа Финанс" {
  segment = "finance"
  shift   = 0.9
}
company "Бета Банк" {
  segment = "finance"
  shift   = 0.2
}
company "Гамма Страхование" {
  segment = "finance"
  shift   = -0.5
}
company "Дельта Телеком" {
  segment = "telecom"
  shift   = 0.5
}
company "Омега Связь" {
  segment = "telecom"
  shift   = -0.3
}
company "Сигма Мобайл" {
  segment = "telecom"
  shift   = 0
}
company "Лямбда Ритейл" {
  segment = "retail"
  shift   = 0.3
}
company "Каппа Маркет" {
  segment = "retail"
  shift   = -0.8
}
company "Эпсилон Онлайн" {
  segment = "retail"
  shift   = 0.6
}
company "Тета Дом" {
  segment = "retail"
  shift   = -0.2
}
company "Йота Финанс" {
  segment = "finance"
  shift   = 0.4
}
company "Ипсилон Банк" {
  segment = "finance"
  shift   = -0.1
}
company "Дзета Телеком" {
  segment = "telecom"
  shift   = 0.2
}
company "Ро Коммуникации" {
  segment = "telecom"
  shift   = -0.6
}
company "Тау Маркет" {
  segment = "retail"
  shift   = 0.1
}
company "Пи Стиль" {
  segment = "retail"
  shift   = -0.4
}
