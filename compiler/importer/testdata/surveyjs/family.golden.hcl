survey "family" {
  title     = "Family and work"
  languages = ["en"]
  intro     = "Written for opros in the shape of the commonest published SurveyJS examples: numeric dropdowns read by later visibleIf, a catch-all completedHtmlOnCondition, triggers and page settings opros has no use for."
  thank_you = "Thank you!"

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

page "family" {
  title = "Your family"
  intro = "**About this survey**\n\nIt takes **two minutes**. Read our [privacy note](https://example.org/privacy).\n\nTell us the age of *each* child."

  question "age" {
    type     = "single"
    text     = "Age group"
    required = true

    option "18" {
      label  = "<18"
      source = "<18"
    }

    option "18-25" {
      label = "18-25"
    }

    option "25" {
      label  = ">25"
      source = ">25"
    }
  }

  question "haveKids" {
    type     = "single"
    text     = "Do you have children?"
    required = true
    show_if  = (age == "18-25" || age == "25")

    option "Yes" {
      label = "Yes"
    }

    option "No" {
      label = "No"
    }
  }

  question "kids" {
    type     = "dropdown"
    text     = "How many children do you have?"
    required = true
    show_if  = haveKids == "Yes"

    option "1" {
      label = "1"
    }

    option "2" {
      label = "2"
    }

    option "3" {
      label = "3"
    }

    option "4" {
      label = "4"
    }

    option "5" {
      label = "5"
    }
  }

  calculate "big_family" {
    value = (kids == "3" || kids == "4" || kids == "5")
  }

  question "kid1Age" {
    type    = "dropdown"
    text    = "Age of the first child"
    show_if = (kids == "1" || kids == "2" || kids == "3" || kids == "4" || kids == "5")

    option "0" {
      label = "0"
    }

    option "1" {
      label = "1"
    }

    option "2" {
      label = "2"
    }

    option "3" {
      label = "3"
    }

    option "4" {
      label = "4"
    }

    option "5" {
      label = "5"
    }

    option "6" {
      label = "6"
    }

    option "7" {
      label = "7"
    }

    option "8" {
      label = "8"
    }

    option "9" {
      label = "9"
    }

    option "10" {
      label = "10"
    }

    option "11" {
      label = "11"
    }

    option "12" {
      label = "12"
    }

    option "13" {
      label = "13"
    }

    option "14" {
      label = "14"
    }

    option "15" {
      label = "15"
    }

    option "16" {
      label = "16"
    }

    option "17" {
      label = "17"
    }
  }

  question "kid2Age" {
    type    = "dropdown"
    text    = "Age of the second child"
    show_if = (kids == "2" || kids == "3" || kids == "4" || kids == "5")

    option "0" {
      label = "0"
    }

    option "1" {
      label = "1"
    }

    option "2" {
      label = "2"
    }

    option "3" {
      label = "3"
    }

    option "4" {
      label = "4"
    }

    option "5" {
      label = "5"
    }

    option "6" {
      label = "6"
    }

    option "7" {
      label = "7"
    }

    option "8" {
      label = "8"
    }

    option "9" {
      label = "9"
    }

    option "10" {
      label = "10"
    }

    option "11" {
      label = "11"
    }

    option "12" {
      label = "12"
    }

    option "13" {
      label = "13"
    }

    option "14" {
      label = "14"
    }

    option "15" {
      label = "15"
    }

    option "16" {
      label = "16"
    }

    option "17" {
      label = "17"
    }
  }
}

page "work" {
  title = "Your work"

  question "work_mode" {
    type   = "multi"
    text   = "How do you work?"
    source = "work mode"

    option "office" {
      label = "In the office"
    }

    option "home_office" {
      label  = "From home"
      source = "home office"
    }

    option "1_5" {
      label  = "Hybrid, 1.5 days in"
      source = "1.5"
    }

    option "none" {
      label     = "None"
      exclusive = true
    }

    option "other" {
      label = "Other (describe)"
      other = true
    }
  }

  question "satisfaction" {
    type      = "rating"
    text      = "How satisfied are you with your work?"
    min       = 1
    max       = 5
    min_label = "Not at all"
    max_label = "Fully"
  }

  question "why" {
    type      = "text"
    text      = "What would make it better?"
    show_if   = satisfaction < 3
    multiline = true
  }

  question "email" {
    type = "email"
    text = "Your e-mail, if we may ask more"
  }
}

ending "ending_1" {
  show_if = big_family
  text    = "Thank you, and best wishes to your **big** family!"
}

ending "ending_2" {
  show_if = true
  text    = "**Thank you for your answers.**"
}
