# Boxes and a boolean as index items (TestBoxItems): a number box, a
# constant sum's boxes, a ranking's item and a boolean in each kind of
# index where they mean something.
survey "box_items" {
  title = "Box items"
  wave  = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  title = "P"

  question "q_n" {
    type    = "inputs"
    input   = "number"
    integer = true
    text    = "Agents"
    min     = 0
    max     = 10
    item "a" {
      label = "Day"
    }
    item "b" {
      label = "Night"
    }
  }
  question "q_s" {
    type = "constant_sum"
    text = "Shares"
    item "a" {
      label = "Phone"
    }
    item "b" {
      label = "Chat"
    }
    item "c" {
      label = "Mail"
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
    item "c" {
      label = "C"
    }
  }
  question "q_b" {
    type = "boolean"
    text = "Bot?"
  }
}

index "day_agents" {
  kind  = "mean"
  items = [q_n.a]
}
index "rank_a" {
  kind         = "mean"
  items        = [q_r.a]
  lower_better = true
}
index "phone_share" {
  kind  = "mean"
  items = [q_s.a]
}
index "phone_day" {
  kind  = "mean_100"
  items = [q_s.a, q_n.a]
}
index "live" {
  kind  = "sum"
  items = [q_s.a, q_s.b]
}
index "bot" {
  kind  = "share"
  items = [q_b]
}
index "agents" {
  kind = "expr"
  expr = q_n.a + q_n.b
  min  = 0
  max  = 20
}

benchmark {
  min_group_size = 1
}
