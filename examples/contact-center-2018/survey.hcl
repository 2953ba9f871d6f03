# Contact Center Benchmark 2018, part 5 "Customer interaction analytics"
# (source: ../shared/seeds/000_ee097d578abe9a3d.txt). Respondents are contact-center
# operators; each invitation link carries ?company=…&segment=… so the report can
# compare participants.

survey "contact-center-2018" {
  title     = "CONTACT CENTER BENCHMARK. ССВМР - 2018. Часть 5: Аналитика взаимодействия с клиентами"
  languages = ["ru"]
  version   = "2018.5"
  wave      = 2018

  intro = <<-EOT
    Вы начали заполнять он-лайн анкету. Мы желаем Вам успешного завершения раздела!

    Если в ходе заполнения полей он-лайн анкеты раздела Вы ввели неточные данные или сомневаетесь в корректности ответа, то Вы всегда можете **вернуться назад** и внести исправления до нажатия кнопки ГОТОВО в конце раздела с того же компьютера, с которого Вы начинали вводить данные. Ответы сохраняются в браузере: пожалуйста, не очищайте кэш вашего браузера, иначе заполненные данные будут потеряны.

    Вопросы, отмеченные знаком \*-звездочка, обязательны для ответа.

    Если у Вас возникли вопросы, обращайтесь к нам по телефону +7(495)-995-80-07 или по электронной почте [info@contact-center-benchmark.ru](mailto:info@contact-center-benchmark.ru).
  EOT

  thank_you = "Спасибо! Раздел «Аналитика взаимодействия с клиентами» заполнен. Результаты бенчмаркинга будут направлены участникам."

  endpoint {
    url = "http://127.0.0.1:8080/submit"
  }

  theme {
    accent = "#0b5394"
  }
}

hidden "company" {
  role  = "participant"
  label = "Компания-участник"
}

hidden "segment" {
  role  = "segment"
  label = "Отрасль"
}

option_set "yes_partly_no" {
  option "yes" {
    label = "Да"
    score = 2
  }
  option "partly" {
    label = "Частично"
    score = 1
  }
  option "no" {
    label = "Нет"
    score = 0
  }
  option "na" {
    label   = "Не применимо для нас"
    missing = true
  }
}
