# unit = "participant" with two hidden fields that could name the participant.
survey "unit_two" {
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
  question "q_n" {
    type = "nps"
    text = "Recommend?"
  }
}

benchmark {
  unit = "participant" # ERROR @10: Ambiguous Participant
}
