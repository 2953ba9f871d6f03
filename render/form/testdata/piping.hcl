# Piping (#18 item 3): earlier answers and a hidden field in a question's
# text, help (with a link whose address pipes), an option label, a page's
# intro and an ending; fallbacks the author wrote and the neutral one.
survey "piping" {
  title     = { en = "Piping", ru = "Подстановки" }
  languages = ["en", "ru"]
  intro     = { en = "For {hidden.company|your company}.", ru = "Для {hidden.company|вашей компании}." }

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

hidden "company" {}

page "first" {
  title = { en = "You", ru = "Вы" }

  question "q_name" {
    type = "text"
    text = { en = "Your name?", ru = "Ваше имя?" }
  }

  question "q_product" {
    type = "single"
    text = { en = "Which product, {q_name|friend}?", ru = "Какой продукт, {q_name|друг}?" }
    option "mail" {
      label = { en = "Mail", ru = "Почта" }
    }
    option "chat" {
      label = { en = "Chat", ru = "Чат" }
    }
  }

  question "q_channels" {
    type = "multi"
    text = { en = "Where do you use {q_product}?", ru = "Где вы используете {q_product}?" }
    help = { en = "See [{q_name}'s guide](https://example.org/guide?n={q_name}).", ru = "См. [руководство {q_name}](https://example.org/guide?n={q_name})." }
    option "web" {
      label = { en = "Web", ru = "Веб" }
    }
    option "phone" {
      label = { en = "Phone, as {q_name}", ru = "Телефон, как {q_name}" }
    }
  }

  question "q_count" {
    type = "number"
    text = { en = "How many seats?", ru = "Сколько мест?" }
  }
}

page "second" {
  title = { en = "More", ru = "Ещё" }
  intro = { en = "About {q_product} on {q_channels}.", ru = "О {q_product}: {q_channels}." }

  question "q_why" {
    type = "text"
    text = { en = "Why {q_count} seats at {hidden.company}?", ru = "Почему {q_count} мест в {hidden.company}?" }
  }
}

ending "done" {
  text = { en = "Thank you, {q_name|friend}.", ru = "Спасибо, {q_name|друг}." }
}
