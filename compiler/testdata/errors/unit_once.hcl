# once in a respondent-level benchmark.
survey "unit_once" {
  title     = "Unit"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "company" {
  role = "participant"
}

page "p" {
  question "q_n" {
    type = "nps"
    text = "Recommend?"
  }
}

benchmark {
  once = "first" # ERROR @3: Once Without Participant Unit
}
