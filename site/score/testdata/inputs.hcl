survey "inputs" {
  title = "Inputs"
  wave  = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = "P"

  question "q_agents" {
    type    = "inputs"
    text    = "Agents"
    input   = "number"
    integer = true
    item "voice" {
      label = "Phone"
    }
    item "chat" {
      label = "Chat"
    }
  }
}

benchmark {
  min_group_size = 1
}
