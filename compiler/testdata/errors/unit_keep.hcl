# keep in a respondent-level benchmark.
survey "unit_keep" {
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
  keep = "first" # ERROR @3: Keep Without Participant Unit
}
