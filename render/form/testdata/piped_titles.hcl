# Piping in a page's title and in the thank-you text (a survey without
# endings shows it): an earlier page's answer, with the author's fallback.
survey "piped_titles" {
  title     = { en = "Titles", ru = "Заголовки" }
  languages = ["en", "ru"]
  thank_you = { en = "Thank you, {q_name|friend}.", ru = "Спасибо, {q_name|друг}." }

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

page "first" {
  title = { en = "You", ru = "Вы" }

  question "q_name" {
    type = "text"
    text = { en = "Your name?", ru = "Ваше имя?" }
  }
}

page "second" {
  title = { en = "Your team, {q_name|friend}", ru = "Ваша команда, {q_name|друг}" }

  question "q_size" {
    type = "number"
    text = { en = "How many people?", ru = "Сколько человек?" }
  }
}
