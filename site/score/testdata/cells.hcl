# A grid, an inputs question and a matrix per company for per-cell
# disclosure control (cells_test.go): a group large enough to publish
# holds cells answered too few times.
survey "cells" {
  title = "Cells"
  wave  = 2025
  endpoint {
    url = "https://example.org/c"
  }
}

hidden "company" {
  role = "participant"
}

page "p" {
  title = "P"

  question "q_staff" {
    type    = "grid"
    text    = "Agents per shift"
    integer = true
    min     = 0
    row "voice" {
      label = "Phone"
    }
    column "day" {
      label = "Day"
    }
    column "night" {
      label = "Night"
    }
  }

  question "q_box" {
    type    = "inputs"
    text    = "Counts"
    input   = "number"
    min     = 0
    item "a" {
      label = "A"
    }
    item "b" {
      label = "B"
    }
  }

  question "q_m" {
    type = "matrix"
    text = "Matrix"
    row "r1" {
      label = "R1"
    }
    row "r2" {
      label = "R2"
    }
    option "y" {
      label = "Yes"
    }
    option "n" {
      label = "No"
    }
  }
}

benchmark {
  participant = hidden.company
}
