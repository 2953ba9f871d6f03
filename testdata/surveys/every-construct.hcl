# Every question type and construct in one survey, in both built-in
# languages: the tests that go through the whole pipeline (form in the
# browser, Go validation, JSON Schema, codebook, ingest, simulate, diff,
# report) run it, so a new construct belongs here.
survey "every-construct" {
  title     = { en = "Every construct", ru = "Все конструкции" }
  languages = ["en", "ru"]
  thank_you = { en = "Thanks!", ru = "Спасибо!" }

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }

  flow {
    review   = true # the default with several pages, stated
    progress = true
  }
}

hidden "company" {
  role = "participant"
}

option_set "ypn" {
  option "yes" {
    label = { en = "Yes", ru = "Да" }
  }
  option "no" {
    label = { en = "No", ru = "Нет" }
  }
  option "na" {
    label   = { en = "N/A", ru = "Н/П" }
    missing = true
  }
}

page "choices" {
  title = { en = "Choices", ru = "Выбор" }

  question "q_single" {
    type     = "single"
    text     = { en = "Single", ru = "Один" }
    required = true
    option "a" {
      label = { en = "A", ru = "А" }
    }
    option "b" {
      label = { en = "B", ru = "Б" }
    }
    option "other" {
      label = { en = "Other", ru = "Другое" }
      other = true
    }
  }

  question "q_multi" {
    type       = "multi"
    text       = { en = "Multi", ru = "Много" }
    max_select = 2
    columns    = 3
    messages {
      max_select = { en = "At most {n}, please.", ru = "Не больше {n}, пожалуйста." }
    }
    option "x" {
      label = { en = "X", ru = "Икс" }
    }
    option "y" {
      label = { en = "Y", ru = "Игрек" }
    }
    option "none" {
      label     = { en = "None", ru = "Ничего" }
      exclusive = true
    }
  }

  question "q_drop" {
    type = "dropdown"
    text = { en = "Dropdown", ru = "Список" }
    option "d1" {
      label = { en = "First", ru = "Первый" }
    }
    option "d2" {
      label = { en = "Second", ru = "Второй" }
    }
  }

  question "q_matrix" {
    type    = "matrix"
    text    = { en = "Matrix", ru = "Матрица" }
    options = option_set.ypn
    row "r1" {
      label = { en = "Row one", ru = "Строка 1" }
    }
    row "r2" {
      label = { en = "Row two", ru = "Строка 2" }
    }
  }
}

page "scales" {
  title = { en = "Scales", ru = "Шкалы" }

  question "q_nps" {
    type      = "nps"
    text      = { en = "NPS", ru = "NPS" }
    min_label = { en = "Unlikely", ru = "Маловероятно" }
    max_label = { en = "Likely", ru = "Вероятно" }
    required  = true
  }

  question "q_likert" {
    type    = "likert"
    text    = { en = "Agree?", ru = "Согласны?" }
    min     = 1
    max     = 5
    missing = { en = "Don't know", ru = "Не знаю" }
  }

  question "q_rating" {
    type = "rating"
    text = { en = "Rating", ru = "Оценка" }
  }

  question "q_scale" {
    type = "scale"
    text = { en = "Scale", ru = "Шкала" }
    min  = 0
    max  = 3
  }
}

page "open" {
  title = { en = "Open", ru = "Открытые" }

  question "q_text" {
    type       = "text"
    text       = { en = "Comment", ru = "Комментарий" }
    multiline  = true
    max_length = 200
  }

  question "q_number" {
    type    = "number"
    text    = { en = "How many?", ru = "Сколько?" }
    min     = 1
    max     = 10
    integer = true
  }

  question "q_email" {
    type = "email"
    text = { en = "E-mail", ru = "Почта" }
  }

  question "q_date" {
    type = "date"
    text = { en = "Date", ru = "Дата" }
  }
}

page "types" {
  title = { en = "More types", ru = "Другие типы" }

  question "q_bool" {
    type     = "boolean"
    text     = { en = "Do you have a contact center?", ru = "Есть ли у вас контакт-центр?" }
    required = true
  }

  question "q_bool_labels" {
    type        = "boolean"
    text        = { en = "Is it outsourced?", ru = "Он на аутсорсинге?" }
    true_label  = { en = "Outsourced", ru = "На аутсорсинге" }
    false_label = { en = "In-house", ru = "Свой" }
    show_if     = q_bool
  }
}

page "inputs" {
  title = { en = "Boxes", ru = "Поля" }

  question "q_agents" {
    type     = "inputs"
    text     = { en = "How many agents work in each channel?", ru = "Сколько операторов работает в каждом канале?" }
    input    = "number"
    integer  = true
    min      = 0
    max      = 10000
    required = true
    item "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    item "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
  }

  question "q_contact" {
    type       = "inputs"
    text       = { en = "Who should we contact?", ru = "С кем связаться?" }
    max_length = 100
    show_if    = q_agents.chat > 0
    item "name" {
      label = { en = "Name", ru = "Имя" }
    }
    item "role" {
      label = { en = "Role", ru = "Должность" }
    }
  }
}

page "sums" {
  title = { en = "Shares", ru = "Доли" }

  question "q_share" {
    type     = "constant_sum"
    text     = { en = "What share of your contacts comes through each channel?", ru = "Какая доля обращений приходит через каждый канал?" }
    integer  = true
    required = true
    item "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    item "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    item "mail" {
      label = { en = "E-mail", ru = "Почта" }
    }
  }
}

page "ranks" {
  title = { en = "Priorities", ru = "Приоритеты" }

  question "q_priorities" {
    type     = "ranking"
    text     = { en = "Rank your top three priorities", ru = "Расставьте три главных приоритета" }
    rank     = 3
    required = true
    item "cost" {
      label = { en = "Cost", ru = "Стоимость" }
    }
    item "speed" {
      label = { en = "Speed", ru = "Скорость" }
    }
    item "quality" {
      label = { en = "Quality", ru = "Качество" }
    }
    item "reach" {
      label = { en = "Reach", ru = "Охват" }
    }
  }
}

# ---- #18: a calculation, validate rules on a question and on a page,
# piping (a page's title and intro, texts, an option label, endings) and
# endings.
# A page of its own, so that the pages before it stay as they were.

page "logic" {
  title = { en = "Your team at {hidden.company|your company}", ru = "Ваша команда в {hidden.company|вашей компании}" }
  intro = { en = "Answering for {hidden.company|your company}.", ru = "Ответы за {hidden.company|вашу компанию}." }

  # Optional questions, so each rule holds when they are left out.
  validate {
    must    = !answered(q_staff) || coalesce(q_staff_chat, 0) + coalesce(q_staff_phone, 0) <= q_staff
    message = { en = "Staff in chat and on the phone together cannot be more than the total.", ru = "Сотрудников в чате и на телефоне вместе не может быть больше, чем всего." }
  }

  question "q_staff" {
    type    = "number"
    text    = { en = "How many staff work in your contact center?", ru = "Сколько сотрудников работает в вашем контакт-центре?" }
    integer = true
    min     = 7
    max     = 100000
  }

  question "q_staff_chat" {
    type    = "number"
    text    = { en = "How many of them work in chat (of {q_staff|all})?", ru = "Сколько из них работает в чате (из {q_staff|всех})?" }
    integer = true
    min     = 0
    max     = 3
    validate {
      must    = !answered(q_staff) || q_staff_chat <= q_staff
      message = { en = "Cannot be more than the total staff.", ru = "Не больше, чем сотрудников всего." }
    }
  }

  question "q_staff_phone" {
    type    = "number"
    text    = { en = "And on the phone?", ru = "А на телефоне?" }
    integer = true
    min     = 0
    max     = 3
  }

  calculate "c_staff_other" {
    value = q_staff - coalesce(q_staff_chat, 0) - coalesce(q_staff_phone, 0)
  }

  question "q_others_do" {
    type    = "text"
    text    = { en = "What do the other {c_staff_other} staff do?", ru = "Чем заняты остальные {c_staff_other}?" }
    show_if = c_staff_other > 0
  }

  question "q_grow" {
    type = "single"
    text = { en = "Which channel will grow?", ru = "Какой канал будет расти?" }
    option "chat" {
      label = { en = "Chat ({q_staff_chat|0} staff)", ru = "Чат (сотрудников: {q_staff_chat|0})" }
    }
    option "phone" {
      label = { en = "Phone ({q_staff_phone|0} staff)", ru = "Телефон (сотрудников: {q_staff_phone|0})" }
    }
  }
}

# ---- #18 item 7: a loop over q_multi's options (x and y; "none" is
# exclusive, so not iterated): a page per option chosen, at the end so
# that the pages before it stay as they were.

loop "per_choice" {
  over = q_multi

  page "choice_detail" {
    title = { en = "About {loop.label}", ru = "Про «{loop.label}»" }

    question "q_choice_uses" {
      type     = "number"
      text     = { en = "How often a month do you use {loop.label}?", ru = "Сколько раз в месяц вы пользуетесь вариантом «{loop.label}»?" }
      integer  = true
      min      = 0
      max      = 1000
      required = true
    }
  }
}

# ---- #18 item 6: carry forward and an option's condition: the options
# chosen in q_multi (x, y; "none" is exclusive, so not carried), and an
# option of its own offered only to those who chose "a" in q_single. A
# page of its own, after the others.

page "carry" {
  title = { en = "Your choices", ru = "Ваш выбор" }

  question "q_best_choice" {
    type = "single"
    text = { en = "Which of those you chose is best?", ru = "Какой из выбранных лучше?" }
    options_from {
      question = q_multi
    }
    option "alike" {
      label   = { en = "They are alike", ru = "Они одинаковы" }
      show_if = q_single == "a"
    }
  }
}

# ---- #19: several answers per matrix row (matrix_multi) and a number or
# a dropdown choice in every cell (grid). Optional, so the submissions the
# other tests build stay valid; a page of its own, after the others.

page "cells" {
  title = { en = "Channels", ru = "Каналы" }

  question "q_channel_tools" {
    type       = "matrix_multi"
    text       = { en = "Which of these apply to each channel?", ru = "Что из этого есть в каждом канале?" }
    max_select = 2
    row "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    row "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    option "ivr" {
      label = { en = "Self-service menu", ru = "Голосовое меню" }
    }
    option "bot" {
      label = { en = "Bot", ru = "Бот" }
    }
    option "none" {
      label     = { en = "None of these", ru = "Ничего из этого" }
      exclusive = true
    }
  }

  question "q_shift_agents" {
    type    = "grid"
    text    = { en = "How many agents work in each channel, per shift?", ru = "Сколько операторов работает в каждом канале в каждую смену?" }
    integer = true
    min     = 0
    max     = 500
    row "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    row "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    column "day" {
      label = { en = "Day", ru = "День" }
    }
    column "night" {
      label = { en = "Night", ru = "Ночь" }
    }
  }

  question "q_staffing" {
    type    = "grid"
    text    = { en = "Who staffs each channel?", ru = "Кто работает в каждом канале?" }
    input   = "dropdown"
    show_if = q_channel_tools.chat.bot || q_channel_tools.chat.ivr
    row "voice" {
      label = { en = "Phone", ru = "Телефон" }
    }
    row "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    column "weekdays" {
      label = { en = "Weekdays", ru = "Будни" }
    }
    column "weekend" {
      label = { en = "Weekend", ru = "Выходные" }
    }
    option "own" {
      label = { en = "Own staff", ru = "Свои сотрудники" }
    }
    option "outsourced" {
      label = { en = "Outsourced", ru = "Аутсорсинг" }
    }
  }
}

ending "large" {
  show_if = c_staff_other >= 100
  text    = { en = "Thank you! With {c_staff_other} staff in other channels, we may ask you more.", ru = "Спасибо! У вас {c_staff_other} сотрудников в других каналах, мы можем спросить больше." }
}

ending "panel" {
  show_if  = hidden.company == "panel"
  redirect = "https://panel.example/complete?company={hidden.company}&rid={response_id}"
}

ending "complete" {
  text = { en = "Thank you for answering for {hidden.company|your company}.", ru = "Спасибо за ответы от имени {hidden.company|вашей компании}." }
}
