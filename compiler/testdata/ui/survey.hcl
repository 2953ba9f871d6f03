# A survey in German, which the forms have no interface text for, and in
# Russian, which they have: all of the German text, one Russian override.
survey "kunden" {
  title     = { de = "Kundenbefragung", ru = "Опрос клиентов" }
  languages = ["de", "ru"]

  endpoint {
    url = "https://example.org/collect"
  }
}

page "start" {
  title = { de = "Über Sie", ru = "О вас" }

  question "q_kanal" {
    type     = "single"
    text     = { de = "Wie haben Sie uns kontaktiert?", ru = "Как вы с нами связались?" }
    required = true
    option "telefon" {
      label = { de = "Telefon", ru = "Телефон" }
    }
    option "web" {
      label = { de = "Web", ru = "Сайт" }
    }
  }
}

ui "ru" {
  submit = "Отправить анкету"
}

ui "de" {
  back            = "Zurück"
  next            = "Weiter"
  submit          = "Absenden"
  review          = "Überprüfen Sie Ihre Antworten"
  review_note     = "Sie können zurückgehen und jede Antwort ändern, bevor Sie absenden."
  thanks          = "Vielen Dank!"
  thanks_text     = "Ihre Antworten sind eingegangen."
  progress        = "Schritt {i} von {n}"
  required        = "Bitte beantworten Sie diese Frage."
  required_sr     = "(Pflichtfrage)"
  matrix_required = "Bitte beantworten Sie jede Zeile."
  exclusive       = "Diese Option kann nicht mit anderen kombiniert werden."
  min_select      = "Wählen Sie mindestens {n} Optionen."
  max_select      = "Wählen Sie höchstens {n} Optionen."
  other_required  = "Bitte präzisieren Sie Ihre Antwort."
  min_length      = "Bitte schreiben Sie mindestens {n} Zeichen."
  max_length      = "Bitte schreiben Sie höchstens {n} Zeichen."
  pattern         = "Die Antwort hat nicht das erwartete Format."
  email           = "Bitte geben Sie eine gültige E-Mail-Adresse ein."
  date            = "Bitte geben Sie ein Datum als JJJJ-MM-TT ein."
  number          = "Bitte geben Sie eine Zahl ein."
  integer         = "Bitte geben Sie eine ganze Zahl ein."
  min             = "Die Zahl muss mindestens {n} sein."
  max             = "Die Zahl darf höchstens {n} sein."
  sending         = "Ihre Antworten werden gesendet…"
  retry           = "Ihre Antworten konnten nicht gesendet werden, sind aber in diesem Browser gespeichert. Neuer Versuch in {n} s…"
  refused         = "Dieser Link ist nicht gültig (verändert, ersetzt oder abgelaufen), daher können die Antworten nicht angenommen werden. Sie bleiben in diesem Browser gespeichert; bitten Sie die Veranstalter um einen neuen Link."
  specify         = "bitte angeben"
  choose          = "Bitte wählen…"
  honeypot        = "Dieses Feld bitte leer lassen"
  only_if         = "Nur beantworten, wenn:"
  nojs_note       = "JavaScript ist ausgeschaltet: Alle Seiten werden auf einmal angezeigt. Fragen mit „Nur beantworten, wenn“ gelten nur, wenn ihre Bedingung zutrifft."
}
