# A survey in a language the forms have no interface text for: its ui
# block gives all of it.
survey "kunden" {
  title     = "Kundenbefragung"
  languages = ["de"]

  endpoint {
    url = "http://127.0.0.1:1/submit"
  }
}

page "start" {
  title = "Über Sie"

  question "q_kanal" {
    type     = "single"
    text     = "Wie haben Sie uns kontaktiert?"
    required = true
    option "telefon" {
      label = "Telefon"
    }
    option "web" {
      label = "Web"
    }
  }

  question "q_themen" {
    type       = "multi"
    text       = "Worum ging es?"
    min_select = 2
    option "preis" {
      label = "Preis"
    }
    option "lieferung" {
      label = "Lieferung"
    }
    option "service" {
      label = "Service"
    }
  }
}

page "ende" {
  title = "Zum Schluss"

  question "q_alter" {
    type    = "number"
    text    = "Wie alt sind Sie?"
    integer = true
    max     = 120
  }
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
