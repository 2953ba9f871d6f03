# invitations once in a participant-level benchmark, which counts one
# submission per participant and wave already.
survey "invitations_once" {
  title     = "Invitations"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
  invitations { # ERROR @3: Once Twice
    once = "first"
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
  unit = "participant"
}
