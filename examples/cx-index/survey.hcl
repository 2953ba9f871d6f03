# CX index mystery-shopper sheet in the style of the methodology in
# ../shared/seeds/001_8587bb031c6e72f6.txt: one sheet per visit to a company's
# branch. Items are grouped into the 5 CEI elements (brand, communications,
# environment, offer, culture), the 4 CXCI criteria with the customer's emotional
# state over the seven stages of a visit, the Five Promises and the three parts
# of the Relationship Strength Score. Item wordings are ours, built from the
# source's definitions of each criterion; the stage names are ours too.

survey "cx-index" {
  title     = "Индекс клиентского опыта (CEI): анкета тайного покупателя"
  languages = ["ru"]
  version   = "2024.4"
  wave      = 2024

  intro = "Заполните анкету сразу после визита. Оценивайте то, что видели сами; если элемент не встретился, выберите «Не применимо»."

  thank_you = "Спасибо! Анкета визита сохранена."

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }

  theme {
    accent = "#7a3e9d"
  }
}

hidden "company" {
  role  = "participant"
  label = "Компания"
}

hidden "channel" {
  role  = "channel"
  label = "Точка контакта"
}

hidden "segment" {
  role  = "segment"
  label = "Город"
}

scale "agree5" {
  min       = 1
  max       = 5
  min_label = "Совершенно не согласен"
  max_label = "Полностью согласен"
  missing   = "Не применимо"
}

option_set "emotion" {
  option "negative" {
    label = "Негативное"
    score = 0
  }
  option "neutral" {
    label = "Нейтральное"
    score = 1
  }
  option "positive" {
    label = "Позитивное"
    score = 2
  }
  option "na" {
    label   = "Этапа не было"
    missing = true
  }
}
