# The two question types with a value per row and column, matrix_multi
# (several answers per row) and grid (a number or a dropdown choice per
# cell), in both built-in languages: the tests of each stage (compiler,
# schema, codebook, Go validation, ingest, simulate, the form in the
# browser) run it.
survey "cells" {
  title     = { en = "Channels", ru = "Каналы" }
  languages = ["en", "ru"]
  thank_you = { en = "Thanks!", ru = "Спасибо!" }

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }

  flow {
    review = true # the answers listed before Send, cell by cell
  }
}

page "channels" {
  title = { en = "Channels", ru = "Каналы" }

  question "q_tools" {
    type       = "matrix_multi"
    text       = { en = "Which of these apply to each channel?", ru = "Что из этого есть в каждом канале?" }
    required   = true # a box in every row
    max_select = 2    # per row
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
    option "callback" {
      label = { en = "Callback", ru = "Обратный звонок" }
    }
    option "none" {
      label     = { en = "None of these", ru = "Ничего из этого" }
      exclusive = true
    }
  }

  question "q_agents" {
    type     = "grid"
    text     = { en = "How many agents work in each channel, per shift?", ru = "Сколько операторов работает в каждом канале в каждую смену?" }
    integer  = true
    min      = 0
    max      = 10000
    required = true # every cell
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
    validate {
      must    = q_agents.voice.night <= q_agents.voice.day
      message = { en = "Fewer agents at night than by day, please.", ru = "Ночью операторов меньше, чем днём." }
    }
  }

  question "q_hours" {
    type    = "grid"
    text    = { en = "How is each channel staffed?", ru = "Как работает каждый канал?" }
    input   = "dropdown"
    show_if = q_tools.chat.bot
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
    option "closed" {
      label = { en = "Closed", ru = "Закрыто" }
    }
    option "own" {
      label = { en = "Own staff", ru = "Свои сотрудники" }
    }
    option "outsourced" {
      label = { en = "Outsourced", ru = "Аутсорсинг" }
    }
  }
}
