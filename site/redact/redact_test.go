package redact

import "testing"

func TestRedact(t *testing.T) {
	r := New([]string{"Клевер", "Clever", "Василёк", "Васильк", "Одуванчик Плюс", "Ромашка", ""})
	for _, tc := range []struct {
		name, in, want string
		n              int
	}{
		{"plain text is kept", "Всё хорошо, спасибо!", "Всё хорошо, спасибо!", 0},
		{"a name", "В Клевер звонить бесполезно", "В […] звонить бесполезно", 1},
		{"a name inflected", "у Клевера лучше, к Клеверу не пойду, с Клевером", "у […] лучше, к […] не пойду, с […]", 3},
		{"a name in another case of letters", "КЛЕВЕР и клевер", "[…] и […]", 2},
		{"an alias in Latin letters", "the Clever agent was rude", "the […] agent was rude", 1},
		{"ё read as е", "Василек и ВАСИЛЁК", "[…] и […]", 2},
		{"a stem given as an alias takes a fleeting vowel's forms", "у Василька, к Васильку", "у […], к […]", 2},
		{"a name of two words, any spaces", "в Одуванчик  Плюсе тоже", "в […] тоже", 1},
		{"only at a word start, through the word", "Суперклевер и клеверный мёд", "Суперклевер и […] мёд", 1},
		{"a name after punctuation", "«Ромашка»,Клевер", "«[…]»,[…]", 2},
		{"an e-mail", "пишите ivan.petrov@mail.ru сразу", "пишите […] сразу", 1},
		{"a URL", "see https://example.com/a?b=1 and www.test.org", "see […] and […]", 2},
		{"a bare domain", "на сайте klever.ru всё есть", "на сайте […] всё есть", 1},
		{"a Russian phone", "звоните +7 (495) 123-45-67 или 8 900 123 45 67", "звоните […] или […]", 2},
		{"a phone in brackets", "(495) 1234567", "[…]", 1},
		{"a date is kept", "был 2025-06-01 и 01.06.2025", "был 2025-06-01 и 01.06.2025", 0},
		{"short numbers are kept", "ждал 45 минут, оценка 3 из 10", "ждал 45 минут, оценка 3 из 10", 0},
		{"an e-mail naming a participant counts once", "klever@klever.ru", "[…]", 1},
		{"everything at once", "Клевер: info@x.com, +7 999 000-11-22", "[…]: […], […]", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, n := r.Redact(tc.in)
			if got != tc.want || n != tc.n {
				t.Errorf("Redact(%q) = %q, %d; want %q, %d", tc.in, got, n, tc.want, tc.n)
			}
		})
	}
}

// TestNoNames: a Redactor without names still removes contact data.
func TestNoNames(t *testing.T) {
	got, n := New(nil).Redact("Клевер, a@b.cd")
	if got != "Клевер, […]" || n != 1 {
		t.Errorf("got %q, %d", got, n)
	}
}

// BenchmarkRedact: a report redacts every comment it keeps, with the names
// of every participant (50 in make bench's contact-center data).
func BenchmarkRedact(b *testing.B) {
	var names []string
	for i := 0; i < 50; i++ {
		names = append(names, "Участник "+string(rune('А'+i%32))+string(rune('а'+i/32)))
	}
	r := New(append(names, "Клевер", "Clever"))
	texts := []string{
		"Оператор ответил быстро, вопрос решили с первого раза, спасибо",
		"Долго ждал на линии, минут 15, потом связь оборвалась",
		"В Клевере обслуживают лучше, пишите ivan@mail.ru или звоните +7 999 123-45-67",
		"Хотелось бы чат в приложении",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.Redact(texts[i%len(texts)])
	}
}
