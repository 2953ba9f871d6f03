# Records asked for in a survey that names no participant: there is nobody
# to show them to.
survey "records" {
  title     = "Records"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

page "p" {
  question "q_n" {
    type = "nps"
    text = "Recommend?"
  }
}

report {
  records = true # ERROR @13: Records Without Participants
}
