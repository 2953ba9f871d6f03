# Synthetic answers for make demo: 8 contact centers in 3 industries, two waves.
responses = 40

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
  weight  = 1.5
}
company "Надёжный кредит" {
  segment = "bank"
  shift   = 0.1
}
company "Первый расчётный" {
  segment = "bank"
  shift   = -0.4
}
company "ТелеЛинк" {
  segment = "telecom"
  shift   = 0.4
  weight  = 1.3
}
company "Мобайл Плюс" {
  segment = "telecom"
  shift   = -0.2
}
company "Связь-Регион" {
  segment = "telecom"
  shift   = -0.6
}
company "Домашний маркет" {
  segment = "retail"
  shift   = 0.3
}
company "ЭлектроМир" {
  segment = "retail"
  shift   = -0.1
}
