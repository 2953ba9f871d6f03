# Synthetic answers for make demo: one questionnaire per contact center and wave, as the real study
# has (the benchmark's unit is the participant), 14 contact centers in 3 industries, two waves. Two
# of them send a corrected questionnaire days later in each wave: ingest counts the latest and sets
# the earlier one aside (answers.setaside.ndjson).
responses = 1
repeats   = 2

wave "2017" {
  shift = -0.3
}
wave "2018" {
  shift = 0
}

segment "bank" {}
segment "telecom" {}
segment "retail" {}

company "Сбалансбанк" {
  segment = "bank"
  shift   = 0.7
}
company "Надёжный кредит" {
  segment = "bank"
  shift   = 0.1
}
company "Первый расчётный" {
  segment = "bank"
  shift   = -0.4
}
company "Столичный капитал" {
  segment = "bank"
  shift   = 0.3
}
company "Региональный сберегательный" {
  segment = "bank"
  shift   = -0.1
}
company "ТелеЛинк" {
  segment = "telecom"
  shift   = 0.4
}
company "Мобайл Плюс" {
  segment = "telecom"
  shift   = -0.2
}
company "Связь-Регион" {
  segment = "telecom"
  shift   = -0.6
}
company "Оптика Онлайн" {
  segment = "telecom"
  shift   = 0.2
}
company "Домашний маркет" {
  segment = "retail"
  shift   = 0.3
}
company "ЭлектроМир" {
  segment = "retail"
  shift   = -0.1
}
company "Гипер Дом" {
  segment = "retail"
  shift   = 0.5
}
company "Модный квартал" {
  segment = "retail"
  shift   = -0.5
}
company "Книжный двор" {
  segment = "retail"
  shift   = 0
}
