# Every kind of column opros export writes, for its tests.
survey "export-kinds" {
  title     = { en = "Export kinds", ru = "Типы выгрузки" }
  languages = ["en", "ru"]
  wave      = 2026

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

hidden "company" {
  role = "participant"
}

hidden "w" {
  label = { en = "Case weight", ru = "Вес" }
}

benchmark {
  participant = hidden.company
  weight      = hidden.w
}

page "main" {
  title = { en = "Main", ru = "Главная" }

  question "grade" {
    type = "single"
    text = { en = "Grade", ru = "Оценка" }

    option "1" {
      label = { en = "Poor", ru = "Плохо" }
    }
    option "2" {
      label = { en = "Fair", ru = "Средне" }
    }
    option "3" {
      label = { en = "Good", ru = "Хорошо" }
    }
  }

  question "channel" {
    type = "single"
    text = { en = "=Channel used", ru = "Канал" }

    option "phone" {
      label = { en = "Phone", ru = "Телефон" }
    }
    option "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    option "dk" {
      label   = { en = "Don't know", ru = "Не знаю" }
      missing = true
    }
  }

  question "topics" {
    type = "multi"
    text = { en = "Topics", ru = "Темы" }

    option "billing" {
      label = { en = "Billing", ru = "Счета" }
    }
    option "other" {
      label = { en = "Other", ru = "Другое" }
      other = true
    }
    option "none" {
      label     = { en = "None", ru = "Ничего" }
      exclusive = true
      missing   = true
    }
  }

  question "speed" {
    type = "matrix"
    text = { en = "Speed", ru = "Скорость" }

    row "phone" {
      label = { en = "by phone", ru = "по телефону" }
    }
    row "chat" {
      label = { en = "in chat", ru = "в чате" }
    }

    option "slow" {
      label = { en = "Slow", ru = "Медленно" }
    }
    option "fast" {
      label = { en = "Fast", ru = "Быстро" }
    }
  }

  question "nps" {
    type = "nps"
    text = { en = "Recommend?", ru = "Порекомендуете?" }
    missing = { en = "Can't say", ru = "Затрудняюсь" }
  }

  question "amount" {
    type = "number"
    text = { en = "Amount", ru = "Сумма" }
  }

  question "why" {
    type      = "text"
    multiline = true
    text      = { en = "Why?", ru = "Почему?" }
  }

  question "outsourced" {
    type        = "boolean"
    text        = { en = "Outsourced?", ru = "На аутсорсинге?" }
    true_label  = { en = "Outsourced", ru = "На аутсорсинге" }
    false_label = { en = "In-house", ru = "Свой" }
  }

  question "share" {
    type    = "constant_sum"
    text    = { en = "Share by channel", ru = "Доля по каналам" }
    integer = true
    item "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    item "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
  }

  question "visited" {
    type = "date"
    text = { en = "Visit date", ru = "Дата визита" }
  }

  # Calculations: a number, a true/false and a text column.
  calculate "nps_x10" {
    value = nps * 10
  }

  calculate "promoter" {
    value = nps >= 9
  }

  calculate "channel_uc" {
    value = answered(channel) ? upper(channel) : null
  }
}
