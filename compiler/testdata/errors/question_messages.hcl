# A question's messages block: a message for a check the question does not
# make, the pattern's message given twice, and a second messages block.
survey "question_messages" {
  title     = { en = "Messages", ru = "Сообщения" }
  languages = ["en", "ru"]
  endpoint {
    url = "https://example.org/collect"
  }
}

page "p" {
  question "q_features" {
    type       = "multi"
    text       = { en = "Features?", ru = "Функции?" }
    max_select = 3
    option "a" {
      label = { en = "A", ru = "А" }
    }
    option "b" {
      label = { en = "B", ru = "Б" }
    }
    messages {
      max_select = { en = "No more than three features.", ru = "Не больше трёх функций." }
      min_select = { en = "At least one.", ru = "Хотя бы одну." } # ERROR @7: Message Without Check
    }
    messages { # ERROR @5: Duplicate Block
    }
  }
  question "q_code" {
    type            = "text"
    text            = { en = "Code?", ru = "Код?" }
    pattern         = "[0-9]{4}"
    pattern_message = { en = "Four digits.", ru = "Четыре цифры." }
    messages {
      pattern = { en = "4 digits.", ru = "4 цифры." } # ERROR @7: Two Pattern Messages
    }
  }
}
