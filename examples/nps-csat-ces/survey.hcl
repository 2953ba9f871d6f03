# A customer feedback survey after a contact with the company, built from the
# guides in ../shared/seeds/003_c1e7dcf35f5c701c.txt (how to compute CSAT, NPS and
# CES) and 004_e366379e76b24d29.txt (segments, channels, drivers, open answers).
# Bilingual: every text has a Russian and an English version.
#
# CES here is the later 7-point agreement variant ("the company made it easy to
# handle my issue"), reported as a mean where higher is better, so the report
# labels it as such (docs/methods.md explains both variants).

survey "nps-csat-ces" {
  title     = { ru = "Оценка обслуживания", en = "Service feedback" }
  languages = ["ru", "en"]
  version   = "2025.2"
  wave      = 2025

  intro = {
    ru = "Пожалуйста, оцените ваше последнее обращение в компанию. Это займёт около 3 минут."
    en = "Please rate your most recent contact with the company. It takes about 3 minutes."
  }
  thank_you = { ru = "Спасибо за ваши ответы!", en = "Thank you for your answers!" }

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }

  theme {
    accent = "#c0392b"
  }
}

hidden "company" {
  role  = "participant"
  label = { ru = "Компания", en = "Company" }
}

hidden "channel" {
  role  = "channel"
  label = { ru = "Канал обращения", en = "Contact channel" }
}

hidden "segment" {
  role  = "segment"
  label = { ru = "Сегмент клиента", en = "Customer segment" }
}

scale "satisfaction5" {
  min       = 1
  max       = 5
  min_label = { ru = "Совсем не удовлетворён", en = "Very dissatisfied" }
  max_label = { ru = "Полностью удовлетворён", en = "Very satisfied" }
  missing   = { ru = "Затрудняюсь ответить", en = "Don't know" }
}
