# unit = "participant": no participant field, a wrong once, a weight and a margin.
survey "unit" {
  title     = "Unit"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
}

hidden "size" {
  role = "segment"
}

page "p" {
  question "q_n" {
    type = "nps"
    text = "Recommend?"
  }
}

benchmark {
  unit   = "participant" # ERROR @12: No Participant
  once   = "latest" # ERROR @12: Invalid Value
  weight = hidden.size # ERROR @3: Weight In A Participant-Level Benchmark
  margin { # ERROR @3: Margin In A Participant-Level Benchmark
    field   = hidden.size
    targets = { small = 1, large = 1 }
  }
}
