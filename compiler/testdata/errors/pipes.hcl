# Piping: a misspelt question, a hidden field without hidden., a question
# asked later (in a question's text, its help, an option label, a page's
# intro and the survey's intro), and a matrix, whose answer is several
# values. Braces that are not a name stay text, and an ending may pipe any
# question.
survey "pipes" {
  title     = "Pipes"
  languages = ["en"]
  intro     = "Hello {q_name}." # ERROR @15: Pipe Of A Later Question
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "company" {}

page "first" {
  question "q_name" {
    type = "text"
    text = "Your name? { not a pipe } {1,2}"
  }

  question "q_product" {
    type = "single"
    text = "Which product, {q_nmae}?" # ERROR @12: Unknown Piped Name
    help = "At {company|your company}." # ERROR @12: Unknown Piped Name
    option "a" {
      label = "A, as {q_rate} says" # ERROR @15: Pipe Of A Later Question
    }
    option "b" {
      label = "B"
    }
  }

  question "q_grid" {
    type = "matrix"
    text = "Rate {q_product|it} by {hidden.company}."
    row "speed" {
      label = "Speed"
    }
    option "good" {
      label = "Good"
    }
    option "bad" {
      label = "Bad"
    }
  }
}

page "second" {
  intro = "About {q_rate}." # ERROR @11: Pipe Of A Later Question

  question "q_rate" {
    type = "nps"
    text = "Would you recommend {q_product}, given {q_grid}?" # ERROR @12: Answer Cannot Be Piped
    help = "Not {q_why}." # ERROR @12: Pipe Of A Later Question
  }

  question "q_why" {
    type = "text"
    text = "Why {q_rate}?"
  }
}

ending "done" {
  text = "Thanks, {q_name|friend}: {q_why}."
}
