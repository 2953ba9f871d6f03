page "loyalty" {
  title = { ru = "Рекомендация", en = "Recommendation" }

  question "q_nps" {
    type      = "nps"
    text      = { ru = "Насколько вероятно, что вы порекомендуете компанию друзьям или коллегам?", en = "How likely are you to recommend the company to a friend or colleague?" }
    min_label = { ru = "Совсем маловероятно", en = "Not at all likely" }
    max_label = { ru = "Очень вероятно", en = "Extremely likely" }
    required  = true
  }

  question "q_nps_promoter" {
    type      = "text"
    multiline = true
    text      = { ru = "Что вам понравилось больше всего?", en = "What did you like most?" }
    show_if   = q_nps >= 9
  }

  question "q_nps_detractor" {
    type      = "text"
    multiline = true
    text      = { ru = "Что нам нужно исправить в первую очередь?", en = "What should we fix first?" }
    show_if   = q_nps <= 6
  }
}

page "satisfaction" {
  title = { ru = "Удовлетворённость", en = "Satisfaction" }

  question "q_csat" {
    type      = "rating"
    max       = 5
    text      = { ru = "Насколько вы удовлетворены обслуживанием в целом?", en = "Overall, how satisfied are you with the service?" }
    min_label = { ru = "Совсем не удовлетворён", en = "Very dissatisfied" }
    max_label = { ru = "Полностью удовлетворён", en = "Very satisfied" }
    required  = true
  }

  question "q_ces" {
    type      = "likert"
    min       = 1
    max       = 7
    text      = { ru = "Компания сделала решение моего вопроса простым.", en = "The company made it easy to handle my issue." }
    min_label = { ru = "Совершенно не согласен", en = "Strongly disagree" }
    max_label = { ru = "Полностью согласен", en = "Strongly agree" }
    required  = true
  }

  question "d_speed" {
    type     = "likert"
    scale    = scale.satisfaction5
    text     = { ru = "Скорость решения вопроса", en = "Speed of resolution" }
    required = true
  }

  question "d_competence" {
    type     = "likert"
    scale    = scale.satisfaction5
    text     = { ru = "Компетентность сотрудника", en = "Staff competence" }
    required = true
  }

  question "d_politeness" {
    type     = "likert"
    scale    = scale.satisfaction5
    text     = { ru = "Вежливость и внимание", en = "Politeness and attention" }
    required = true
  }

  question "d_ease" {
    type     = "likert"
    scale    = scale.satisfaction5
    text     = { ru = "Простота обращения в удобный канал", en = "Ease of reaching us in your channel" }
    required = true
  }

  question "d_price" {
    type     = "likert"
    scale    = scale.satisfaction5
    text     = { ru = "Соотношение цены и качества", en = "Value for money" }
    required = true
  }
}

page "about" {
  title = { ru = "О вашем обращении", en = "About your contact" }

  question "q_resolved" {
    type     = "single"
    text     = { ru = "Ваш вопрос решён?", en = "Was your issue resolved?" }
    required = true

    option "yes" {
      label = { ru = "Да, полностью", en = "Yes, completely" }
    }
    option "partly" {
      label = { ru = "Частично", en = "Partly" }
    }
    option "no" {
      label = { ru = "Нет", en = "No" }
    }
  }

  question "q_contacts" {
    type    = "number"
    integer = true
    min     = 1
    max     = 50
    text    = { ru = "Сколько раз вы обращались по этому вопросу?", en = "How many times did you contact us about this issue?" }
  }

  question "q_topics" {
    type       = "multi"
    text       = { ru = "С какими темами было связано обращение?", en = "What was your contact about?" }
    max_select = 3
    randomize  = true

    option "billing" {
      label = { ru = "Оплата и счета", en = "Billing" }
    }
    option "product" {
      label = { ru = "Продукт или услуга", en = "Product or service" }
    }
    option "delivery" {
      label = { ru = "Доставка", en = "Delivery" }
    }
    option "complaint" {
      label = { ru = "Жалоба", en = "Complaint" }
    }
    option "other" {
      label  = { ru = "Другое (укажите)", en = "Other (please specify)" }
      other  = true
      anchor = true
    }
  }

  question "q_last_contact" {
    type = "date"
    text = { ru = "Когда было обращение?", en = "When did you contact us?" }
  }

  question "q_comment" {
    type       = "text"
    multiline  = true
    max_length = 4000
    text       = { ru = "Что ещё вы хотели бы нам сказать?", en = "Anything else you would like to tell us?" }
  }

  question "q_email" {
    type = "email"
    text = { ru = "E-mail, если вы хотите, чтобы мы связались с вами (необязательно)", en = "Your e-mail if you would like us to contact you (optional)" }
  }
}
