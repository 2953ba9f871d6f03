survey "ranking" {
  title = "Ranking"
  wave  = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = "P"

  question "q_r" {
    type = "ranking"
    text = "Rank"
    item "a" {
      label = "A"
    }
    item "b" {
      label = "B"
    }
    item "c" {
      label = "C"
    }
  }
}

benchmark {
  min_group_size = 1
}
