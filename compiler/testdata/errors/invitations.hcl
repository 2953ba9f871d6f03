# An invitations block given twice, a once rule misspelt and a hidden field
# whose param is the link's signature.
survey "invitations" {
  title     = "Invitations"
  languages = ["en"]
  endpoint {
    url = "https://example.org/collect"
  }
  invitations {
    once = "frist" # ERROR @12: Invalid Value
  }
  invitations { # ERROR @3: Duplicate Block
  }
}

hidden "company" { # ERROR @1: Reserved Parameter
  param = "sig"
}

page "p" {
  question "q_n" {
    type = "nps"
    text = "Recommend?"
  }
}
