# Synthetic customer feedback: 6 companies, 2 segments, 4 channels, two waves.
responses = 120

wave "2024" {
  shift = -0.2
}
wave "2025" {
  shift = 0.1
}

segment "b2c" {
  share = 0.7
}
segment "b2b" {
  share = 0.3
  shift = -0.2
}

channel "phone" {
  share = 0.4
}
channel "chat" {
  share = 0.3
  shift = 0.2
}
channel "email" {
  share = 0.15
  shift = -0.3
}
channel "office" {
  share = 0.15
  shift = 0.1
}

company "Ромашка" {
  shift  = 0.7
  weight = 1.5
}
company "Василёк" {
  shift = 0.3
}
company "Лютик" {
  shift = 0
}
company "Колокольчик" {
  shift = -0.2
}
company "Одуванчик" {
  shift = -0.5
}
company "Клевер" {
  shift = -0.9
}
