# Synthetic mystery-shopper visits: 6 banks, 3 cities, branches and phone, two waves.
responses = 30

wave "2023" {
  shift = -0.2
}
wave "2024" {
  shift = 0.05
}

segment "moscow" {
  share = 0.5
}
segment "spb" {
  share = 0.3
}
segment "kazan" {
  share = 0.2
  shift = 0.1
}

channel "branch" {
  share = 0.7
}
channel "phone" {
  share = 0.3
  shift = -0.3
}

company "Ардшин" {
  shift = 0.6
}
company "Америабанк" {
  shift = 0.3
}
company "Инекобанк" {
  shift = 0
}
company "Эвокабанк" {
  shift = 0.8
}
company "Конверс" {
  shift = -0.4
}
company "Юнибанк" {
  shift = -0.7
}
