# A question's own words for its checks (messages block), in every
# language: required, max_select, min/max and pattern (which the form
# without JavaScript shows too, as the box's title).
survey "messages" {
  title     = { en = "Messages", ru = "Сообщения" }
  languages = ["en", "ru"]

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

page "main" {
  title = { en = "Features", ru = "Функции" }

  question "q_features" {
    type       = "multi"
    text       = { en = "Which features matter most?", ru = "Какие функции важнее всего?" }
    required   = true
    max_select = 2
    option "speed" {
      label = { en = "Speed", ru = "Скорость" }
    }
    option "price" {
      label = { en = "Price", ru = "Цена" }
    }
    option "support" {
      label = { en = "Support", ru = "Поддержка" }
    }
    messages {
      required   = { en = "Pick the features that matter to you.", ru = "Выберите важные для вас функции." }
      max_select = { en = "No more than {n} features, please.", ru = "Не больше {n} функций, пожалуйста." }
    }
  }

  question "q_staff" {
    type    = "number"
    integer = true
    text    = { en = "How many staff work in chat?", ru = "Сколько сотрудников работает в чате?" }
    min     = 0
    max     = 500
    messages {
      max = { en = "Up to {n}: count people, not hours.", ru = "До {n}: считайте людей, а не часы." }
    }
  }

  question "q_code" {
    type    = "text"
    text    = { en = "Branch code", ru = "Код филиала" }
    pattern = "[0-9]{4}"
    messages {
      pattern = { en = "Four digits, as on your badge.", ru = "Четыре цифры, как на бейдже." }
    }
  }
}
