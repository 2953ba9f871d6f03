# A page's title may pipe questions on earlier pages only (it is read as
# the page opens); the thank-you text may pipe any question, not a name
# the survey does not have.
survey "pipes_titles" {
  title     = { en = "Titles", ru = "Заголовки" }
  languages = ["en", "ru"]
  thank_you = { en = "Thanks, {q_nme}.", ru = "Спасибо, {q_name}." } # ERROR @15: Unknown Piped Name
  endpoint {
    url = "https://example.org/collect"
  }
}

page "first" {
  title = { en = "You, {q_name|friend}", ru = "Вы, {q_name|друг}" } # ERROR @11: Pipe Of A Later Question
  question "q_name" {
    type = "text"
    text = { en = "Name?", ru = "Имя?" }
  }
}

page "second" {
  title = { en = "Team of {q_name}", ru = "Команда {q_name}" }
  question "q_size" {
    type = "number"
    text = { en = "Size?", ru = "Размер?" }
  }
}
