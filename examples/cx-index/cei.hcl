page "cei" {
  title = "Индекс клиентского опыта (CEI)"
  intro = "Оцените пять элементов опыта первого очного визита."

  question "brand_visible" {
    type     = "likert"
    text     = "Бренд хорошо виден снаружи и внутри отделения."
    scale    = scale.agree5
    required = true
  }
  question "brand_consistent" {
    type     = "likert"
    text     = "Бренд представлен последовательно, понятно и значимо для клиента."
    scale    = scale.agree5
    required = true
  }
  question "comm_clear" {
    type     = "likert"
    text     = "Коммуникация была последовательной и понятной."
    scale    = scale.agree5
    required = true
  }
  question "comm_cta" {
    type     = "likert"
    text     = "Был понятный призыв к действию, общий тон общения был уместным."
    scale    = scale.agree5
    required = true
  }
  question "env_navigation" {
    type     = "likert"
    text     = "Помещение интуитивно понятное и удобное для навигации."
    scale    = scale.agree5
    required = true
  }
  question "env_clean" {
    type     = "likert"
    text     = "Помещение в хорошем состоянии внутри и снаружи, чисто и упорядоченно."
    scale    = scale.agree5
    required = true
  }
  question "offer_value" {
    type     = "likert"
    text     = "Ценностное предложение было представлено чётко, актуально и понятно."
    scale    = scale.agree5
    required = true
  }
  question "offer_terms" {
    type     = "likert"
    text     = "Условия, цены, процесс и дополнительные опции были объяснены понятно."
    scale    = scale.agree5
    required = true
  }
  question "culture_engaged" {
    type     = "likert"
    text     = "Персонал был заинтересованным, инициативным и внимательным к деталям."
    scale    = scale.agree5
    required = true
  }
  question "culture_adaptive" {
    type     = "likert"
    text     = "Персонал адаптировал решение под потребности клиента."
    scale    = scale.agree5
    required = true
  }
}

page "cxci" {
  title = "Индекс культуры клиентского опыта (CXCI)"

  question "cxci_contact" {
    type     = "rating"
    max      = 5
    text     = "Насколько удовлетворительным был индивидуальный контакт с каждым сотрудником?"
    required = true
  }
  question "cxci_team" {
    type     = "rating"
    max      = 5
    text     = "Насколько эффективно команда работала над удовлетворением потребностей клиента?"
    required = true
  }
  question "cxci_environment" {
    type     = "rating"
    max      = 5
    text     = "Обеспечивает ли команда комфортные и безопасные условия для клиентов?"
    required = true
  }
  question "journey" {
    type     = "matrix"
    text     = "Каким было эмоциональное состояние клиента на каждом из семи этапов визита?"
    options  = option_set.emotion
    required = true

    row "arrival" {
      label = "Вход и ожидание"
    }
    row "greeting" {
      label = "Приветствие"
    }
    row "needs" {
      label = "Выявление потребностей"
    }
    row "presentation" {
      label = "Презентация предложения"
    }
    row "objections" {
      label = "Ответы на вопросы и возражения"
    }
    row "closing" {
      label = "Оформление"
    }
    row "farewell" {
      label = "Прощание"
    }
  }
}

page "promises" {
  title = "Пять обещаний (Five Promises)"

  question "p_relationship" {
    type     = "rating"
    max      = 5
    text     = "Отношения и интерес: сотрудник проявил искренний интерес к клиенту."
    required = true
  }
  question "p_exceed" {
    type     = "rating"
    max      = 5
    text     = "Превышение ожиданий: гибкость и стремление найти решение под клиента."
    required = true
  }
  question "p_team" {
    type     = "rating"
    max      = 5
    text     = "Командная работа и роли: слаженная работа команды ради результата клиента."
    required = true
  }
  question "p_consistency" {
    type     = "rating"
    max      = 5
    text     = "Отношение и последовательность: одинаково позитивный подход у всех сотрудников."
    required = true
  }
  question "p_environment" {
    type     = "rating"
    max      = 5
    text     = "Окружение: клиент чувствовал себя комфортно и безопасно."
    required = true
  }
}

page "rss" {
  title = "Прочность отношений (Relationship Strength Score)"

  question "rss_rational" {
    type     = "likert"
    text     = "Рационально: эта компания предлагает мне лучшие условия."
    scale    = scale.agree5
    required = true
  }
  question "rss_emotional" {
    type     = "likert"
    text     = "Эмоционально: мне приятно иметь дело с этой компанией."
    scale    = scale.agree5
    required = true
  }
  question "rss_aspiration" {
    type     = "likert"
    text     = "Стремление: эта компания разделяет то, к чему я стремлюсь."
    scale    = scale.agree5
    required = true
  }
  question "comment" {
    type       = "text"
    multiline  = true
    max_length = 4000
    text       = "Комментарий к визиту: что запомнилось больше всего?"
  }
}
