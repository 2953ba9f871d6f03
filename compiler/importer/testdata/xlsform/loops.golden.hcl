survey "crops" {
  title = {
    en = "Crops"
    ru = "Crops"
  }
  languages = ["en", "ru"]

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }
}

page "farm" {
  title = {
    en = "Farm"
    ru = "Хозяйство"
  }

  question "crops" {
    type = "multi"
    text = {
      en = "Which crops do you grow?"
      ru = "Что вы выращиваете?"
    }
    required = true

    option "maize" {
      label = {
        en = "Maize"
        ru = "Кукуруза"
      }
    }

    option "beans" {
      label = {
        en = "Beans"
        ru = "Фасоль"
      }
    }

    option "none" {
      label = {
        en = "None"
        ru = "Ничего"
      }
    }
  }

  question "workers" {
    type = "number"
    text = {
      en = "How many people work on the farm?"
      ru = "Сколько человек работает в хозяйстве?"
    }
    integer = true
  }
}

loop "crop_rep" {
  over = crops

  page "crop_rep_page" {
    title = {
      en = "About {loop.label}"
      ru = "О культуре: {loop.label}"
    }
    show_if = workers > 0

    question "area" {
      type = "number"
      text = {
        en = "How many hectares of {loop.label}?"
        ru = "Сколько гектаров занято: {loop.label}?"
      }
      required = true
      integer  = true
      min      = 1
    }

    question "sold" {
      type = "single"
      text = {
        en = "Did you sell {loop.label} ({loop.code}) last year?"
        ru = "Продавали ли вы {loop.label} ({loop.code}) в прошлом году?"
      }
      show_if = area > 1

      option "yes" {
        label = {
          en = "Yes"
          ru = "Да"
        }
      }

      option "no" {
        label = {
          en = "No"
          ru = "Нет"
        }
      }
    }

    question "price" {
      type = "number"
      text = {
        en = "Price per tonne"
        ru = "Цена за тонну"
      }
      show_if = sold == "yes"
    }
  }
}

page "page_4" {
  question "last" {
    type = "text"
    text = {
      en = "Anything else about —?"
      ru = "Что-нибудь ещё о —?"
    }
  }
}
