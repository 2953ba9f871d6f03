# Customer-centricity map: a self-assessment of how customer-centric a company is
# (source: ../shared/seeds/002_c93d51e7815eb84e.txt). The source announces 48
# statements but lists 43 in 8 blocks; all 43 are here, in its order. Each block
# is one axis of the maturity map, in the source's order.

survey "customer-centricity" {
  title     = "Карта клиентоцентричности: насколько ваша компания ориентирована на клиента?"
  languages = ["ru"]
  version   = "2025.1"
  wave      = 2025

  intro = <<-EOT
    Этот опросник поможет вам оценить зрелость клиентоцентричности вашей компании по ключевым направлениям.
    Выберите вариант, который наиболее точно соответствует реальности в вашей компании.
    Результатом станет ваша персональная **карта зрелости**, которая покажет сильные стороны и зоны для роста.
  EOT

  thank_you = "Спасибо! Ваша карта зрелости будет построена по итогам исследования."

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }

  theme {
    accent = "#1f6f5c"
  }
}

hidden "company" {
  role  = "participant"
  label = "Компания"
}

hidden "segment" {
  role  = "segment"
  label = "Отрасль"
}

scale "agree5" {
  min       = 1
  max       = 5
  min_label = "Совсем не про нас"
  max_label = "Полностью про нас"
  labels    = ["Совсем не про нас", "Скорее не про нас", "Отчасти", "Скорее про нас", "Полностью про нас"]
}
