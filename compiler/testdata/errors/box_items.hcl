survey "box_items" {
  title = "Box items"
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = "P"

  question "q_n" {
    type  = "inputs"
    input = "number"
    text  = "Agents"
    item "a" {
      label = "Day"
    }
  }
  question "q_t" {
    type = "inputs"
    text = "Names"
    item "a" {
      label = "First"
    }
  }
  question "q_r" {
    type = "ranking"
    text = "Rank"
    item "a" {
      label = "A"
    }
    item "b" {
      label = "B"
    }
  }
  question "q_b" {
    type = "boolean"
    text = "Bot?"
  }
}

index "rank_100" {
  kind  = "mean_100"
  items = [q_r.a] # ERROR @12: Item Cannot Be Scored
}
index "rank_sum" {
  kind  = "sum"
  items = [q_r.a, q_r.b] # ERROR @12: Item Cannot Be Scored; ERROR @19: Item Cannot Be Scored
}
index "text_sum" {
  kind  = "sum"
  items = [q_t.a] # ERROR @12: Item Cannot Be Scored
}
index "open_sum" {
  kind  = "mean_100"
  items = [q_n.a] # ERROR @12: Item Cannot Be Scored
}
index "whole" {
  kind  = "mean"
  items = [q_n] # ERROR @11: Incompatible Question Type
}
index "text_mean" {
  kind  = "mean"
  items = [q_t.a] # ERROR @12: Incompatible Question Type
}
index "unknown" {
  kind  = "mean"
  items = [q_n.night] # ERROR @12: Unknown Item
}
index "bot" {
  kind    = "share"
  items   = [q_b]
  options = ["true"] # ERROR @3: Attribute Not Allowed Here
}
