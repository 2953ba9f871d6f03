# A loop (#18 item 7): the page channel_volume asked once for each channel
# chosen in q_channels (four options and "none of these", which is not
# iterated), with the channel's label piped in; a question of the loop
# reads its own iteration's answer by the name written here (contacts),
# and the last page reads one iteration by its full name.
survey "loop" {
  title     = { en = "Channels", ru = "Каналы" }
  languages = ["en", "ru"]

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

page "channels" {
  title = { en = "Your channels", ru = "Ваши каналы" }

  question "q_channels" {
    type     = "multi"
    required = true
    text     = { en = "Which channels do you use?", ru = "Какими каналами вы пользуетесь?" }

    option "phone" {
      label = { en = "Phone", ru = "Телефон" }
    }
    option "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
    option "email" {
      label = { en = "E-mail", ru = "Эл. почта" }
    }
    option "social" {
      label = { en = "Social media", ru = "Соцсети" }
    }
    option "none" {
      label     = { en = "None of these", ru = "Ничем из этого" }
      exclusive = true
    }
  }
}

loop "per_channel" {
  over = q_channels

  page "channel_volume" {
    title = { en = "{loop.label}", ru = "{loop.label}" }

    question "contacts" {
      type     = "number"
      integer  = true
      min      = 0
      required = true
      text     = { en = "How many contacts a month via {loop.label}?", ru = "Сколько обращений в месяц через канал «{loop.label}»?" }
    }

    question "satisfied" {
      type    = "boolean"
      text    = { en = "You get {contacts} contacts a month via {loop.label}. Are you satisfied with it?", ru = "Через канал «{loop.label}» к вам обращаются {contacts} раз в месяц. Вы довольны им?" }
      show_if = contacts > 0
    }
  }
}

page "end" {
  title = { en = "Last question", ru = "Последний вопрос" }

  question "q_comment" {
    type = "text"
    text = { en = "Anything about the phone line ({contacts__phone|no phone} a month)?", ru = "Что-нибудь о телефонной линии ({contacts__phone|без телефона} в месяц)?" }
  }
}
