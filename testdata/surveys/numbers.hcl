# A whole number without bounds and a fraction: the tests of the integer
# range (site/answer, site/collect, site/ingest) answer it with numbers no
# int64 column or float64 holds exactly.
survey "s" {
  title = "S"
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = "P"
  question "n" {
    type    = "number"
    text    = "How many?"
    integer = true
  }
  question "f" {
    type = "number"
    text = "How much?"
  }
}
