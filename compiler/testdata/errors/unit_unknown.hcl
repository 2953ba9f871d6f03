# An unknown unit of analysis, with a did-you-mean.
survey "unit_unknown" {
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
  unit = "participants" # ERROR @10: Invalid Unit
}
