# Synthetic self-assessments: 10 companies, several managers each, two waves.
responses = 12

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
