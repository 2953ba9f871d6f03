# unit = "participant" with the participant named by a question, and two
# hidden fields with role = "participant".
survey "unit_participant" {
  title     = "Unit"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "company" {
  role = "participant"
}

hidden "branch" {
  role = "participant"
}

page "p" {
  question "q_company" {
    type    = "single"
    text    = "Your company"
    option "a" {
      label = "A"
    }
    option "b" {
      label = "B"
    }
  }
}

benchmark {
  unit        = "participant"
  participant = q_company # ERROR @17: Participant Is A Question
}
