survey "household" {
  title     = "Household survey"
  languages = ["en"]
  version   = "2024031501"

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

page "respondent" {
  title = "Respondent"

  question "name" {
    type     = "text"
    text     = "What is your name?"
    required = true
  }

  question "age" {
    type     = "number"
    text     = "How old are you?"
    required = true
    integer  = true
    min      = 0
    max      = 120

    messages {
      min = "An age from 0 to 120"
      max = "An age from 0 to 120"
    }
  }

  question "head" {
    type     = "single"
    text     = "Are you the head of the household?"
    required = true

    option "yes" {
      label = "Yes"
    }

    option "no" {
      label = "No"
    }
  }
}

page "household" {
  title = "Household"

  question "members" {
    type     = "number"
    text     = "How many people live in the household?"
    required = true
    integer  = true
    min      = 1

    messages {
      min = "At least one"
    }
  }

  question "children" {
    type    = "number"
    text    = "How many of them are children?"
    show_if = members > 1
    integer = true

    validate {
      must    = children < members
      message = "Fewer than the household"
    }
  }

  calculate "adults" {
    value = (members - coalesce(children, 0))
  }

  question "crops" {
    type    = "multi"
    text    = "Which crops do you grow?"
    show_if = adults >= 1
    columns = 2

    option "maize_grain" {
      label  = "Maize"
      source = "maize grain"
    }

    option "beans" {
      label = "Beans"
    }

    option "2_5" {
      label  = "Cassava (2.5 ha plots)"
      source = "2.5"
    }

    option "other_crop" {
      label  = "Other"
      source = "other crop"
    }
  }

  question "sells" {
    type    = "single"
    text    = "Do you sell any of them?"
    show_if = length(crops) > 0

    option "yes" {
      label = "Yes"
    }

    option "no" {
      label = "No"
    }
  }

  question "income" {
    type    = "number"
    text    = "Income from sales last year ({name})"
    show_if = sells == "yes"
    min     = 0
  }
}
